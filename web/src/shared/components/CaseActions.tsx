import type { ButtonProps } from 'antd';
import {
  Alert,
  Button,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Typography,
} from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import { useAuth } from '../auth';
import type { FieldError } from '../client';
import { useI18n } from '../i18n';
import { applyFieldErrors, knownPaths } from '../formErrors';
import {
  owedTolerable,
  type CaseAction,
  type CaseView,
  type Correction,
  type ItemDetail,
  type UploadedFile,
  type ActionBody,
} from '../cases';
import { SPECIAL_PROCEDURE_KINDS } from '../types';
import { OtherErrorsAlert } from './CaseForm';
import { useCaseAction } from './caseAction';
import { FileUploadField } from './FileUpload';

const DANGER = new Set(['refuse', 'deny', 'withdraw']);
const SECONDARY = new Set(['request-correction', 'return', 'suspend', 'resume', 'refuse', 'deny', 'withdraw']);

const KNOWN_PATHS = knownPaths([
  'comment',
  'reason',
  'corrections.*.materialId',
  'corrections.*.problem',
  'suspension.kind',
  'suspension.reason',
  'suspension.expectedDays',
  'delivery.method',
  'delivery.carrier',
  'delivery.trackingNumber',
  'delivery.address',
  'certificate.number',
  'materialId',
  'files',
  'deferredMaterials.*.materialId',
  'deferredMaterials.*.dueDate',
  'deferredMaterials.*.promiseText',
  'greenChannel',
]);
/** A correction's `field` is chosen in the same select as its material. */
const ERROR_PATHS = (f: string) =>
  KNOWN_PATHS(f.replace(/^(corrections\.\d+)\.field$/, '$1.materialId').replace(/^fileIds(\.\d+)?$/, 'files'));

interface ActionValues {
  comment?: string;
  reason?: string;
  corrections?: { materialId?: string; problem?: string }[];
  suspension?: { kind?: string; reason?: string; expectedDays?: number };
  delivery?: { method?: 'window' | 'express'; carrier?: string; trackingNumber?: string; address?: string };
  certificate?: { number?: string };
  /** supply-material */
  materialId?: string;
  files?: UploadedFile[];
  paper?: boolean;
  /** accept: 容缺受理 and 绿色通道 */
  deferredMaterials?: { materialId?: string; dueDate?: Dayjs; promiseText?: string }[];
  greenChannel?: boolean;
}

/** Correction targets in the select: a material id, or `field:<key>` for a field of the application form. */
const FIELD_PREFIX = 'field:';

const trimmed = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);

/** Form values → the action body, with exactly the inputs the action requires. */
function actionBody(a: CaseAction, c: CaseView, v: ActionValues): ActionBody {
  const body: Record<string, unknown> = { action: a.action, version: c.version };
  const comment = trimmed(v.comment);
  if (comment) body.comment = comment;
  const req = new Set(a.requires);
  if (req.has('reason')) body.reason = trimmed(v.reason);
  if (req.has('corrections'))
    body.corrections = (v.corrections ?? [])
      .filter((x) => trimmed(x.problem))
      .map((x) => {
        const target = x.materialId?.startsWith(FIELD_PREFIX)
          ? { field: x.materialId.slice(FIELD_PREFIX.length) }
          : x.materialId
            ? { materialId: x.materialId }
            : {};
        return { ...target, problem: trimmed(x.problem) };
      });
  if (req.has('suspension'))
    body.suspension = {
      kind: v.suspension?.kind,
      reason: trimmed(v.suspension?.reason),
      expectedDays: v.suspension?.expectedDays,
    };
  if (req.has('delivery')) {
    const d = v.delivery ?? {};
    body.delivery =
      d.method === 'express'
        ? {
            method: 'express',
            carrier: trimmed(d.carrier),
            trackingNumber: trimmed(d.trackingNumber),
            address: trimmed(d.address),
          }
        : { method: 'window' };
  }
  if (req.has('certificate'))
    body.certificate = trimmed(v.certificate?.number) ? { number: trimmed(v.certificate?.number) } : {};
  if (req.has('materialId')) {
    body.materialId = v.materialId;
    body.fileIds = (v.files ?? []).map((f) => f.id);
    if (v.paper) body.paper = true;
  }
  if (a.action === 'accept') {
    const deferred = (v.deferredMaterials ?? []).filter((d) => d.materialId);
    if (deferred.length)
      body.deferredMaterials = deferred.map((d) => ({
        materialId: d.materialId,
        dueDate: d.dueDate?.format('YYYY-MM-DD'),
        ...(trimmed(d.promiseText) ? { promiseText: trimmed(d.promiseText) } : {}),
      }));
    if (v.greenChannel) body.greenChannel = true;
  }
  // Values go as entered (an empty one too): the server names whatever is missing or wrong.
  return body as ActionBody;
}

/** The modal of one action: comment, plus exactly the fields the action `requires`. */
function ActionModal({
  c,
  action,
  item,
  suggested,
  onClose,
  onDone,
  onStale,
}: {
  c: CaseView;
  action: CaseAction;
  item?: ItemDetail;
  suggested: Correction[];
  onClose: () => void;
  onDone: (v: CaseView) => void;
  onStale: () => void;
}) {
  const { t, label } = useI18n();
  const [form] = Form.useForm<ActionValues>();
  const { busy, post } = useCaseAction();
  const [otherErrors, setOtherErrors] = useState<FieldError[]>([]);
  const req = new Set(action.requires);
  const method = Form.useWatch(['delivery', 'method'], form);
  const kind = Form.useWatch(['suspension', 'kind'], form);
  const procedures = item?.specialProcedures?.length
    ? item.specialProcedures.map((p) => ({
        value: p.kind,
        label: `${p.name}（${t('action.maxDays', { n: p.maxDays })}）`,
        max: p.maxDays,
      }))
    : SPECIAL_PROCEDURE_KINDS.map((k) => ({
        value: k,
        label: label('specialKind', k),
        max: undefined as number | undefined,
      }));
  const maxDays = procedures.find((p) => p.value === kind)?.max;
  const expressOk = item?.expressDelivery !== false;
  const { hasRole } = useAuth();
  const isClerk = hasRole('clerk');
  const paper = Form.useWatch('paper', form);
  const tolerated = (item?.materials ?? []).filter((m) => m.toleranceAllowed);
  const openPromises = c.openPromises ?? [];
  const isAccept = action.action === 'accept';
  const commentRequired = req.has('comment');
  const commentLabel = action.action === 'report-up' ? t('lk.opinion') : t('action.comment');

  const initial: ActionValues = {
    corrections: req.has('corrections')
      ? suggested.length
        ? suggested.map((s) => ({
            materialId: s.materialId ?? (s.field ? `${FIELD_PREFIX}${s.field}` : undefined),
            problem: s.problem,
          }))
        : [{}]
      : undefined,
    delivery: req.has('delivery') ? { method: 'window' } : undefined,
    materialId: req.has('materialId') && openPromises.length === 1 ? openPromises[0]!.materialId : undefined,
    // materials the applicant still owes must be named with a date (容缺) before the acceptance is recorded
    deferredMaterials: isAccept
      ? (item ? owedTolerable(c, item) : []).map((materialId) => ({ materialId, dueDate: dayjs().add(7, 'day') }))
      : undefined,
    greenChannel: isAccept ? !!c.greenChannel : undefined,
  };

  const confirm = async () => {
    setOtherErrors([]);
    let v: ActionValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    await post(c, actionBody(action, c, v), {
      success: t('action.done', { action: action.label }),
      onDone,
      onStale,
      onError: (err) => setOtherErrors(applyFieldErrors(form, err.problem.errors, ERROR_PATHS)),
    });
  };

  const required = (field: string) => ({ required: true, whitespace: true, message: t('common.required', { field }) });
  return (
    <Modal
      open
      title={action.label}
      onCancel={onClose}
      onOk={() => void confirm()}
      okText={t('action.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={
        { loading: busy, danger: DANGER.has(action.action), 'data-testid': 'action-confirm' } as ButtonProps
      }
      destroyOnHidden
      maskClosable={false}
    >
      <Typography.Paragraph type="secondary">
        {c.number} · {c.itemName}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={initial} data-testid={`action-form-${action.action}`}>
        {req.has('reason') && (
          <Form.Item name="reason" label={t('action.reason')} rules={[required(t('action.reason')), { max: 2000 }]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} data-testid="action-reason" />
          </Form.Item>
        )}
        {req.has('corrections') && (
          <Form.Item label={t('action.corrections')} required>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {t('action.correctionsHint')}
            </Typography.Paragraph>
            <Form.List
              name="corrections"
              rules={[
                {
                  validator: (_, v: unknown[]) =>
                    v?.length ? Promise.resolve() : Promise.reject(new Error(t('action.correctionsRequired'))),
                },
              ]}
            >
              {(fields, { add, remove }, { errors }) => (
                <div data-testid="action-corrections">
                  {fields.map((f) => (
                    <div key={f.key} className="correction-row">
                      <Form.Item
                        name={[f.name, 'materialId']}
                        style={{ marginBottom: 8, flex: '0 0 40%', minWidth: 0 }}
                      >
                        <Select
                          allowClear
                          showSearch={{ optionFilterProp: 'label' }}
                          placeholder={t('action.correctionGeneral')}
                          data-testid={`action-correction-${f.name}-material`}
                          options={[
                            {
                              label: t('case.materials'),
                              options: c.materials.map((m) => ({ value: m.materialId, label: m.name })),
                            },
                            ...(item?.formFields?.length
                              ? [
                                  {
                                    label: t('case.form'),
                                    options: item.formFields.map((f) => ({
                                      value: `${FIELD_PREFIX}${f.key}`,
                                      label: f.label,
                                    })),
                                  },
                                ]
                              : []),
                          ]}
                        />
                      </Form.Item>
                      <Form.Item
                        name={[f.name, 'problem']}
                        rules={[required(t('action.problem')), { max: 500 }]}
                        style={{ marginBottom: 8, flex: 1, minWidth: 0 }}
                      >
                        <Input placeholder={t('action.problem')} data-testid={`action-correction-${f.name}-problem`} />
                      </Form.Item>
                      <Button
                        type="text"
                        icon={<MinusCircleOutlined />}
                        onClick={() => remove(f.name)}
                        aria-label={t('common.delete')}
                      />
                    </div>
                  ))}
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() => add({})}
                    block
                    data-testid="action-correction-add"
                  >
                    {t('action.addCorrection')}
                  </Button>
                  <Form.ErrorList errors={errors} />
                </div>
              )}
            </Form.List>
          </Form.Item>
        )}
        {req.has('suspension') && (
          <>
            <Form.Item
              name={['suspension', 'kind']}
              label={t('action.suspensionKind')}
              rules={[{ required: true, message: t('common.selectRequired', { field: t('action.suspensionKind') }) }]}
            >
              <Select
                data-testid="action-suspension-kind"
                options={procedures.map(({ value, label: l }) => ({ value, label: l }))}
              />
            </Form.Item>
            <Form.Item
              name={['suspension', 'reason']}
              label={t('action.suspensionReason')}
              rules={[required(t('action.suspensionReason')), { max: 1000 }]}
            >
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="action-suspension-reason" />
            </Form.Item>
            <Form.Item
              name={['suspension', 'expectedDays']}
              label={t('action.expectedDays')}
              rules={[{ required: true, message: t('common.required', { field: t('action.expectedDays') }) }]}
            >
              <InputNumber
                min={1}
                max={maxDays ?? 3650}
                precision={0}
                style={{ width: '100%' }}
                data-testid="action-suspension-days"
              />
            </Form.Item>
          </>
        )}
        {req.has('delivery') && (
          <>
            <Form.Item name={['delivery', 'method']} label={t('action.deliveryMethod')} rules={[{ required: true }]}>
              <Radio.Group data-testid="action-delivery-method">
                <Radio value="window">
                  <span data-testid="action-delivery-window">{t('action.windowPickup')}</span>
                </Radio>
                <Radio value="express" disabled={!expressOk}>
                  <span data-testid="action-delivery-express">{t('action.express')}</span>
                </Radio>
              </Radio.Group>
            </Form.Item>
            {method === 'express' && (
              <>
                <Form.Item name={['delivery', 'carrier']} label={t('action.carrier')} rules={[{ max: 50 }]}>
                  <Input placeholder={t('action.carrierPlaceholder')} data-testid="action-delivery-carrier" />
                </Form.Item>
                <Form.Item
                  name={['delivery', 'trackingNumber']}
                  label={t('action.trackingNumber')}
                  rules={[required(t('action.trackingNumber')), { max: 50 }]}
                >
                  <Input data-testid="action-delivery-tracking" />
                </Form.Item>
                <Form.Item name={['delivery', 'address']} label={t('action.address')} rules={[{ max: 300 }]}>
                  <Input data-testid="action-delivery-address" />
                </Form.Item>
              </>
            )}
          </>
        )}
        {req.has('certificate') && (
          <Form.Item
            name={['certificate', 'number']}
            label={t('action.certificateNumber')}
            extra={t('action.certificateHint')}
            rules={[{ max: 100 }]}
          >
            <Input data-testid="action-certificate-number" />
          </Form.Item>
        )}
        {req.has('materialId') && (
          <>
            <Form.Item
              name="materialId"
              label={t('lk.supplyMaterial')}
              rules={[{ required: true, message: t('common.selectRequired', { field: t('lk.supplyMaterial') }) }]}
            >
              <Select
                data-testid="action-supply-material"
                options={openPromises.map((p) => ({
                  value: p.materialId,
                  label: `${p.materialName}（${t('lk.promiseDue')} ${p.dueDate}）`,
                }))}
              />
            </Form.Item>
            <Form.Item
              name="files"
              label={t('lk.supplyFiles')}
              dependencies={['paper']}
              rules={[
                {
                  validator: (_, v: UploadedFile[] | undefined) =>
                    v?.length || form.getFieldValue('paper')
                      ? Promise.resolve()
                      : Promise.reject(new Error(isClerk ? t('lk.filesOrPaper') : t('lk.filesRequired'))),
                },
              ]}
            >
              <FileUploadField testId="action-supply-files" disabled={!!paper} />
            </Form.Item>
            {isClerk && (
              <Form.Item name="paper" valuePropName="checked">
                <Checkbox data-testid="action-supply-paper">{t('lk.paperChecked')}</Checkbox>
              </Form.Item>
            )}
          </>
        )}
        {isAccept && (
          <>
            <Form.Item label={t('lk.deferred')} extra={tolerated.length ? t('lk.deferredHint') : t('lk.noTolerance')}>
              <Form.List name="deferredMaterials">
                {(fields, { add, remove }) => (
                  <div data-testid="action-deferred">
                    {fields.map((f) => (
                      <div key={f.key} className="correction-row">
                        <Form.Item
                          name={[f.name, 'materialId']}
                          rules={[{ required: true, message: t('common.selectRequired', { field: t('lk.material') }) }]}
                          style={{ marginBottom: 8, flex: '0 0 45%', minWidth: 0 }}
                        >
                          <Select
                            placeholder={t('lk.material')}
                            data-testid={`action-deferred-${f.name}-material`}
                            options={tolerated.map((m) => ({ value: m.id, label: m.name }))}
                          />
                        </Form.Item>
                        <Form.Item
                          name={[f.name, 'dueDate']}
                          rules={[
                            { required: true, message: t('common.selectRequired', { field: t('lk.promiseDue') }) },
                          ]}
                          style={{ marginBottom: 8, flex: 1, minWidth: 0 }}
                        >
                          <DatePicker
                            style={{ width: '100%' }}
                            placeholder={t('lk.promiseDue')}
                            disabledDate={(d) => d.isBefore(dayjs().startOf('day'))}
                            data-testid={`action-deferred-${f.name}-date`}
                          />
                        </Form.Item>
                        <Button
                          type="text"
                          icon={<MinusCircleOutlined />}
                          onClick={() => remove(f.name)}
                          aria-label={t('common.delete')}
                        />
                      </div>
                    ))}
                    <Button
                      type="dashed"
                      icon={<PlusOutlined />}
                      onClick={() => add({ dueDate: dayjs().add(7, 'day') })}
                      disabled={!tolerated.length || fields.length >= tolerated.length}
                      block
                      data-testid="action-deferred-add"
                    >
                      {t('lk.deferredAdd')}
                    </Button>
                  </div>
                )}
              </Form.List>
            </Form.Item>
            <Form.Item name="greenChannel" valuePropName="checked">
              <Checkbox data-testid="action-green-channel">{t('lk.greenChannel')}</Checkbox>
            </Form.Item>
          </>
        )}
        <Form.Item
          name="comment"
          label={commentLabel}
          rules={commentRequired ? [required(commentLabel), { max: 2000 }] : [{ max: 2000 }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="action-comment" />
        </Form.Item>
      </Form>
      <OtherErrorsAlert errors={otherErrors} testId="action-errors" />
    </Modal>
  );
}

/** The actions the API allows the caller on this case, as buttons; each opens its modal. */
export function CaseActions({
  c,
  item,
  suggestedCorrections = [],
  onChanged,
  onStale,
}: {
  c: CaseView;
  item?: ItemDetail;
  suggestedCorrections?: Correction[];
  onChanged: (v: CaseView) => void;
  onStale: () => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState<CaseAction | null>(null);
  if (c.readOnly) return <Alert type="info" showIcon title={t('case.readOnly')} data-testid="case-readonly" />;
  if (!c.availableActions.length)
    return (
      <Typography.Text type="secondary" data-testid="case-no-actions">
        {t('case.noActions')}
      </Typography.Text>
    );
  const primary = c.availableActions.filter((a) => !SECONDARY.has(a.action))[0]?.action;
  return (
    <>
      <Space wrap data-testid="case-actions">
        {c.availableActions.map((a) => (
          <Button
            key={a.action}
            type={a.action === primary ? 'primary' : 'default'}
            danger={DANGER.has(a.action)}
            onClick={() => setOpen(a)}
            data-testid={`action-${a.action}`}
          >
            {a.label}
          </Button>
        ))}
      </Space>
      {open && (
        <ActionModal
          key={`${open.action}-${c.version}`}
          c={c}
          action={open}
          item={item}
          suggested={suggestedCorrections}
          onClose={() => setOpen(null)}
          onDone={(v) => {
            setOpen(null);
            onChanged(v);
          }}
          onStale={() => {
            setOpen(null);
            onStale();
          }}
        />
      )}
    </>
  );
}
