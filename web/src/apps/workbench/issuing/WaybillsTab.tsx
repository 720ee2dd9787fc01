import {
  Alert,
  App as AntApp,
  Button,
  DatePicker,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Tag,
  type ButtonProps,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../../shared/client';
import { useI18n } from '../../../shared/i18n';
import { useDebounced, usePagedList } from '../../../shared/components/hooks';
import { ListToolbar, PagedListTable, useRequiredRules, useSaving } from '../../../shared/components/ListPage';
import { formatDateTime } from '../../../shared/components/common';
import { CARRIERS, WAYBILL_STATUSES, type Carrier, type Waybill, type WaybillStatus } from './types';

const STATUS_COLOURS: Record<WaybillStatus, string> = {
  created: 'default',
  dispatched: 'blue',
  delivered: 'green',
  returned: 'red',
};

/** 签收 or 退回 being recorded for a waybill. */
type Pending = { kind: 'receipt' | 'return'; waybill: Waybill };

/** 快递运单: search, filters, phones masked by the server; dispatch, receipt and return as the parcel moves. */
export function WaybillsTab() {
  const { t, label } = useI18n();
  const { message } = AntApp.useApp();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<WaybillStatus | undefined>();
  const [carrier, setCarrier] = useState<Carrier | undefined>();
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [, run] = useSaving();
  const search = useDebounced(q.trim());
  const list = usePagedList('/api/issuing/waybills', {
    q: search,
    status,
    carrier,
    from: range?.[0].format('YYYY-MM-DD'),
    to: range?.[1].format('YYYY-MM-DD'),
  });

  const dispatch = (w: Waybill) =>
    run(async () => {
      await api.post('/api/issuing/waybills/{id}/dispatch', { params: { path: { id: w.id } } });
      void message.success(t('common.done'));
      list.reload();
    });

  return (
    <div data-testid="iss-waybills">
      <ListToolbar testPrefix="iss-waybills" q={q} onQ={setQ} placeholder={t('iss.searchWaybills')} searchWidth={260}>
        <Select
          allowClear
          style={{ width: 150 }}
          placeholder={t('iss.allStatuses')}
          value={status}
          onChange={setStatus}
          data-testid="iss-waybills-status"
          options={WAYBILL_STATUSES.map((s) => ({ value: s, label: label('waybill', s) }))}
        />
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('iss.allCarriers')}
          value={carrier}
          onChange={setCarrier}
          data-testid="iss-waybills-carrier"
          options={CARRIERS.map((c) => ({ value: c, label: label('carrier', c) }))}
        />
        <DatePicker.RangePicker
          value={range}
          onChange={(v) => setRange(v?.[0] && v[1] ? [v[0], v[1]] : null)}
          data-testid="iss-waybills-range"
        />
      </ListToolbar>
      <PagedListTable<Waybill>
        list={list}
        testId="iss-waybills-table"
        scroll={{ x: 'max-content' }}
        onRow={(r) => ({ 'data-testid': `iss-waybill-${r.trackingNumber}`, 'data-status': r.status }) as object}
        locale={{ emptyText: <Empty data-testid="iss-waybills-empty" description={t('iss.emptyWaybills')} /> }}
        columns={[
          {
            title: t('iss.trackingNumber'),
            dataIndex: 'trackingNumber',
            key: 'tracking',
            render: (n: string) => <span className="case-number">{n}</span>,
          },
          { title: t('iss.carrier'), dataIndex: 'carrierLabel', key: 'carrier' },
          {
            title: t('case.number'),
            dataIndex: 'caseNumber',
            key: 'case',
            render: (n: string, r) => (
              <Link to={`/workbench/cases/${r.caseId}`} className="case-number">
                {n}
              </Link>
            ),
          },
          {
            title: t('iss.recipient'),
            key: 'recipient',
            render: (_, r) => `${r.recipient.name} ${r.recipient.phone ?? ''}`,
          },
          { title: t('iss.recipientAddress'), key: 'address', ellipsis: true, render: (_, r) => r.recipient.address },
          {
            title: t('iss.fee'),
            key: 'fee',
            render: (_, r) => (r.free ? <Tag color="green">{t('iss.feeFree')}</Tag> : (r.feeCents / 100).toFixed(2)),
          },
          {
            title: t('iss.waybillStatus'),
            key: 'status',
            render: (_, r) => (
              <Tag color={STATUS_COLOURS[r.status]} data-testid={`iss-waybill-status-${r.trackingNumber}`}>
                {r.statusLabel}
                {r.signedBy ? `（${r.signedBy}）` : ''}
              </Tag>
            ),
          },
          {
            title: t('iss.createdAt'),
            dataIndex: 'createdAt',
            key: 'created',
            render: (d: string) => formatDateTime(d),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, r) => (
              <Space size={0}>
                {r.status === 'created' && (
                  <Popconfirm
                    title={t('iss.dispatchConfirm')}
                    okText={t('common.ok')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => dispatch(r)}
                    okButtonProps={{ 'data-testid': 'iss-dispatch-confirm' } as ButtonProps}
                  >
                    <Button type="link" size="small" data-testid={`iss-dispatch-${r.trackingNumber}`}>
                      {t('iss.dispatch')}
                    </Button>
                  </Popconfirm>
                )}
                {r.status === 'dispatched' && (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => setPending({ kind: 'receipt', waybill: r })}
                    data-testid={`iss-receipt-${r.trackingNumber}`}
                  >
                    {t('iss.receipt')}
                  </Button>
                )}
                {(r.status === 'created' || r.status === 'dispatched') && (
                  <Button
                    type="link"
                    size="small"
                    danger
                    onClick={() => setPending({ kind: 'return', waybill: r })}
                    data-testid={`iss-return-${r.trackingNumber}`}
                  >
                    {t('iss.return')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {pending && (
        <MoveModal
          pending={pending}
          onClose={() => setPending(null)}
          onDone={() => {
            setPending(null);
            list.reload();
          }}
        />
      )}
    </div>
  );
}

interface MoveValues {
  signedBy?: string;
  at?: Dayjs;
  reason?: string;
}

/** 登记签收回执 (who signed, when) or 登记退回 (why; a final state, so the modal says so and its button is red). */
function MoveModal({ pending, onClose, onDone }: { pending: Pending; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const rules = useRequiredRules();
  const [form] = Form.useForm<MoveValues>();
  const [saving, run] = useSaving();
  const { kind, waybill: w } = pending;
  const receipt = kind === 'receipt';

  const save = async () => {
    let v: MoveValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    await run(async () => {
      const params = { path: { id: w.id } };
      if (receipt)
        await api.post('/api/issuing/waybills/{id}/receipt', {
          params,
          body: { signedBy: v.signedBy ?? '', at: v.at?.toISOString() },
          form,
        });
      else await api.post('/api/issuing/waybills/{id}/return', { params, body: { reason: v.reason ?? '' }, form });
      void message.success(t('common.done'));
      onDone();
    });
  };

  return (
    <Modal
      open
      title={`${receipt ? t('iss.receiptTitle') : t('iss.returnTitle')} · ${w.trackingNumber}`}
      onCancel={onClose}
      onOk={() => void save()}
      okText={t('action.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: saving, danger: !receipt, 'data-testid': 'iss-move-save' } as ButtonProps}
      destroyOnHidden
      maskClosable={false}
    >
      <Form<MoveValues>
        form={form}
        layout="vertical"
        initialValues={receipt ? { signedBy: w.recipient.name, at: dayjs() } : {}}
        data-testid={`iss-${kind}-form`}
      >
        {receipt ? (
          <>
            <Form.Item
              name="signedBy"
              label={t('iss.signedBy')}
              rules={[rules.required(t('iss.signedBy')), { max: 50 }]}
            >
              <Input data-testid="iss-receipt-signed-by" />
            </Form.Item>
            <Form.Item name="at" label={t('iss.signedAt')} rules={[rules.selectRequired(t('iss.signedAt'))]}>
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                disabledDate={(d) => d.isAfter(dayjs().endOf('day'))}
                style={{ width: '100%' }}
                data-testid="iss-receipt-at"
              />
            </Form.Item>
          </>
        ) : (
          <>
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('iss.returnWarn')} />
            <Form.Item
              name="reason"
              label={t('iss.returnReason')}
              rules={[rules.required(t('iss.returnReason')), { max: 300 }]}
            >
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} data-testid="iss-return-reason" />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
