import { App as AntApp, Checkbox, Form, Input, InputNumber, Modal, Select, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { api, ApiError, type FieldError } from '../../../shared/client';
import { useI18n } from '../../../shared/i18n';
import { applyFieldErrors, knownPaths } from '../../../shared/formErrors';
import { useRequiredRules } from '../../../shared/components/ListPage';
import { OtherErrorsAlert } from '../../../shared/components/CaseForm';
import { CARRIERS, type Carrier, type QueueItem, type Waybill } from './types';

interface Values {
  carrier: Carrier;
  recipient: { name: string; phone: string; address: string };
  free: boolean;
  /** yuan in the form, cents on the wire */
  fee?: number;
}

const ERROR_PATHS = knownPaths(['carrier', 'recipient.name', 'recipient.phone', 'recipient.address', 'free']);

/** 快递制单: a waybill for a case with its certificate issued; the server delivers the case by express in the same step. */
export function WaybillModal({
  item,
  onClose,
  onCreated,
}: {
  item: QueueItem;
  onClose: () => void;
  onCreated: (w: Waybill) => void;
}) {
  const { t, label } = useI18n();
  const { message } = AntApp.useApp();
  const rules = useRequiredRules();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [otherErrors, setOtherErrors] = useState<FieldError[]>([]);
  const free = Form.useWatch('free', form);

  const submit = async () => {
    setOtherErrors([]);
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      const w = await api.post('/api/issuing/waybills', {
        body: {
          caseId: item.id,
          version: item.version,
          carrier: v.carrier,
          recipient: v.recipient,
          free: v.free,
          feeCents: v.free ? 0 : Math.round((v.fee ?? 0) * 100),
        },
        silent: true,
      });
      void message.success(t('iss.waybillCreated', { number: w.trackingNumber }));
      onCreated(w);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      void message.error(err.problem.detail);
      setOtherErrors(applyFieldErrors(form, err.problem.errors, ERROR_PATHS));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('iss.waybillNew')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('action.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: saving, 'data-testid': 'iss-waybill-save' } as ButtonProps}
      destroyOnHidden
      maskClosable={false}
    >
      <Typography.Paragraph type="secondary">
        {item.number} · {item.itemName}
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        data-testid="iss-waybill-form"
        initialValues={{
          carrier: 'EMS',
          free: true,
          recipient: { name: '', phone: '', address: item.pickup?.method === 'post' ? item.pickup.address : '' },
        }}
      >
        <Form.Item name="carrier" label={t('iss.carrier')} rules={[rules.selectRequired(t('iss.carrier'))]}>
          <Select
            data-testid="iss-waybill-carrier"
            options={CARRIERS.map((c) => ({ value: c, label: label('carrier', c) }))}
          />
        </Form.Item>
        <Form.Item
          name={['recipient', 'name']}
          label={t('iss.recipientName')}
          rules={[rules.required(t('iss.recipientName')), { max: 50 }]}
        >
          <Input data-testid="iss-waybill-name" />
        </Form.Item>
        <Form.Item
          name={['recipient', 'phone']}
          label={t('iss.recipientPhone')}
          rules={[
            rules.required(t('iss.recipientPhone')),
            { pattern: /^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, message: t('iss.recipientPhone') },
          ]}
        >
          <Input data-testid="iss-waybill-phone" inputMode="tel" />
        </Form.Item>
        <Form.Item
          name={['recipient', 'address']}
          label={t('iss.recipientAddress')}
          rules={[rules.required(t('iss.recipientAddress')), { min: 5 }, { max: 300 }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} data-testid="iss-waybill-address" />
        </Form.Item>
        <Form.Item name="free" valuePropName="checked">
          <Checkbox data-testid="iss-waybill-free">{t('iss.free')}</Checkbox>
        </Form.Item>
        {!free && (
          <Form.Item name="fee" label={t('iss.fee')} rules={[rules.selectRequired(t('iss.fee'))]}>
            <InputNumber min={0} max={10000} precision={2} style={{ width: '100%' }} data-testid="iss-waybill-fee" />
          </Form.Item>
        )}
      </Form>
      <OtherErrorsAlert errors={otherErrors} testId="iss-waybill-errors" />
    </Modal>
  );
}
