import {
  App as AntApp,
  Breadcrumb,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  Radio,
  Result,
  Skeleton,
  Space,
  Steps,
  Tag,
  Typography,
} from 'antd';
import { PlusOutlined, SendOutlined } from '@ant-design/icons';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, ApiError, newUuid, type FieldError } from '../../shared/client';
import { useI18n } from '../../shared/i18n';
import { useFetch } from '../../shared/components/hooks';
import { ErrorResult } from '../../shared/components/common';
import { applyFieldErrors } from '../../shared/formErrors';
import { ItemSelect } from '../../shared/components/ItemSelect';
import { CaseActions } from '../../shared/components/CaseActions';
import { CaseDocuments, DeadlineTag, StatusTag } from '../../shared/components/CaseBits';
import {
  ApplicantSection,
  caseErrorPath,
  FormFieldsSection,
  MaterialsSection,
  toCaseBody,
  type ApplicantValues,
  type CaseFormValues,
  type FormMode,
  OtherErrorsAlert,
} from '../../shared/components/CaseForm';
import type { CaseView, ItemDetail } from '../../shared/cases';
import { RegionTreeSelect } from '../../shared/components/RegionTreeSelect';
import { HallSelect } from '../../shared/components/selects';
import { useAuth } from '../../shared/auth';

/** 领取方式, 绿色通道 and 同城通办 of a window registration. */
interface LinkageValues {
  pickupMethod?: 'default' | 'hall' | 'post';
  pickup?: { regionCode?: string; hallId?: string; address?: string };
  greenChannel?: boolean;
  competentRegionCode?: string;
}

function linkageBody(v: LinkageValues): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (v.pickupMethod === 'hall' && v.pickup?.hallId) body.pickup = { method: 'hall', hallId: v.pickup.hallId };
  if (v.pickupMethod === 'post') body.pickup = { method: 'post', address: v.pickup?.address?.trim() };
  if (v.greenChannel) body.greenChannel = true;
  if (v.competentRegionCode) body.competentRegionCode = v.competentRegionCode;
  return body;
}

/** Server error paths of the linkage inputs → form paths. */
const linkagePath = (f: string) =>
  f === 'pickup.address'
    ? ['pickup', 'address']
    : f.startsWith('pickup')
      ? ['pickup', 'hallId']
      : f === 'greenChannel' || f === 'competentRegionCode'
        ? [f]
        : null;

function LinkageSection({ item }: { item: ItemDetail }) {
  const { t } = useI18n();
  const { user } = useAuth();
  const form = Form.useFormInstance();
  const method = Form.useWatch('pickupMethod', form) as LinkageValues['pickupMethod'];
  const region = Form.useWatch(['pickup', 'regionCode'], form) as string | undefined;
  return (
    <Card title={t('lk.pickup')} className="guide-section" size="small">
      <Form.Item name="pickupMethod" label={t('lk.pickup')} initialValue="default">
        <Radio.Group data-testid="wr-pickup">
          <Radio value="default">
            <span data-testid="wr-pickup-default">{t('lk.pickupAccepting')}</span>
          </Radio>
          <Radio value="hall">
            <span data-testid="wr-pickup-hall">{t('lk.pickupHallOption')}</span>
          </Radio>
          <Radio value="post">
            <span data-testid="wr-pickup-post">{t('lk.pickupPostOption')}</span>
          </Radio>
        </Radio.Group>
      </Form.Item>
      {method === 'hall' && (
        <Space wrap align="start">
          <Form.Item
            name={['pickup', 'regionCode']}
            label={t('lk.pickupRegion')}
            initialValue={user?.scope.regionCode ?? undefined}
          >
            <RegionTreeSelect
              testId="wr-pickup-region"
              style={{ width: 260 }}
              onChange={() => form.setFieldValue(['pickup', 'hallId'], undefined)}
            />
          </Form.Item>
          <Form.Item
            name={['pickup', 'hallId']}
            label={t('common.hall')}
            rules={[{ required: true, message: t('common.selectRequired', { field: t('common.hall') }) }]}
            style={{ minWidth: 260 }}
          >
            <HallSelect regionCode={region} testId="wr-pickup-hall-select" />
          </Form.Item>
        </Space>
      )}
      {method === 'post' && (
        <Form.Item
          name={['pickup', 'address']}
          label={t('lk.address')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('lk.address') }) },
            { min: 5 },
            { max: 300 },
          ]}
        >
          <Input data-testid="wr-pickup-address" />
        </Form.Item>
      )}
      {item.acceptAnywhere && (
        <Form.Item name="competentRegionCode" label={t('lk.competentRegion')} extra={t('lk.competentRegionHint')}>
          <RegionTreeSelect testId="wr-competent-region" style={{ width: 320 }} />
        </Form.Item>
      )}
      <Form.Item name="greenChannel" valuePropName="checked" style={{ marginBottom: 0 }}>
        <Checkbox data-testid="wr-green-channel">{t('lk.greenChannel')}</Checkbox>
      </Form.Item>
    </Card>
  );
}

/** Which form keys mirror the applicant typed at the window (as the demo guides name them). */
const MIRROR: Record<keyof Omit<ApplicantValues, 'kind'>, string[]> = {
  name: ['applicantName', 'companyName'],
  idNumber: ['idNumber'],
  creditCode: ['creditCode'],
  phone: ['phone', 'contactPhone'],
};

const ONE_VISIT_STEPS = ['accept', 'grant', 'issue-certificate', 'deliver'];

/** 即办件 on the spot: the registered case with its next actions, until it is delivered. */
function OneVisit({
  c,
  item,
  onChange,
  onStale,
  onNext,
}: {
  c: CaseView;
  item: ItemDetail;
  onChange: (v: CaseView) => void;
  onStale: () => void;
  onNext: () => void;
}) {
  const { t } = useI18n();
  const done = c.status === 'completed';
  const stepIndex = (() => {
    const i = ['submitted', 'accepted', 'granted', 'certificate_issued', 'completed'].indexOf(c.status);
    return i < 0 ? 0 : i;
  })();
  return (
    <Card data-testid="wr-one-visit" className="guide-section">
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Text strong className="case-number" data-testid="wr-case-number">
          {c.number}
        </Typography.Text>
        {c.trackingCode && (
          <Typography.Text copyable={{ text: c.trackingCode }} data-testid="wr-tracking-code">
            {t('case.trackingCode')} <span className="case-number">{c.trackingCode}</span>
          </Typography.Text>
        )}
        <StatusTag status={c.status} label={c.statusLabel} />
        <DeadlineTag
          colour={c.deadlineColour}
          state={c.deadlineState}
          remaining={c.remainingWorkingDays}
          provisional={c.deadlines.provisional}
          stateLabel={c.deadlineStateLabel}
        />
      </Space>
      {item.handlingType === 'immediate' && (
        <Steps
          size="small"
          current={stepIndex}
          status={['refused', 'denied', 'withdrawn'].includes(c.status) ? 'error' : done ? 'finish' : 'process'}
          items={ONE_VISIT_STEPS.map((a) => ({ title: t(`wr.step.${a}` as 'wr.step.accept') }))}
          style={{ marginBottom: 16 }}
        />
      )}
      {done ? (
        <Result status="success" title={t('wr.completed')} subTitle={c.number} />
      ) : (
        <div style={{ marginBottom: 16 }}>
          <CaseActions c={c} item={item} onChanged={onChange} onStale={onStale} />
        </div>
      )}
      <Typography.Title level={5}>{t('case.documents')}</Typography.Title>
      <CaseDocuments caseId={c.id} documents={c.documents} printable />
      <Space wrap style={{ marginTop: 16 }}>
        <Link to={`/workbench/cases/${c.id}`}>
          <Button data-testid="wr-open-case">{t('wr.openCase')}</Button>
        </Link>
        <Button type="primary" icon={<PlusOutlined />} onClick={onNext} data-testid="wr-next">
          {t('wr.next')}
        </Button>
      </Space>
    </Card>
  );
}

/** 登记窗口件 `/workbench/cases/new`: a paper application registered by the clerk, scans uploaded; 即办件 done in the same visit. */
export default function RegisterCasePage() {
  const { t, label } = useI18n();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<CaseFormValues & { itemCode?: string }>();
  const mode = useRef<FormMode>('submit');
  const idempotencyKey = useRef(newUuid());
  const lastApplicant = useRef<Partial<ApplicantValues>>({});
  const [itemCode, setItemCode] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [otherErrors, setOtherErrors] = useState<FieldError[]>([]);
  const [created, setCreated] = useState<CaseView | null>(null);
  const item = useFetch<ItemDetail>(
    itemCode
      ? (signal) => api.get('/api/items/{code}', { params: { path: { code: itemCode } }, signal, silent: true })
      : null,
    [itemCode],
  );

  // A new item: fresh form and materials, with the applicant's details copied into the form.
  useEffect(() => {
    const g = item.data;
    if (!g) return;
    const a = (form.getFieldValue('applicant') ?? {}) as Partial<ApplicantValues>;
    const keys = new Set(g.formFields.map((f) => f.key));
    const values: Record<string, unknown> = {};
    for (const [from, targets] of Object.entries(MIRROR)) {
      const v = a[from as keyof typeof MIRROR];
      for (const k of targets) if (v && keys.has(k)) values[k] = v;
    }
    form.setFieldValue('form', values);
    form.setFieldValue(
      'materials',
      g.materials.map(() => ({ fileIds: [], paper: false })),
    );
  }, [item.data, form]);

  const onValuesChange = (changed: Partial<CaseFormValues>) => {
    if (otherErrors.length) setOtherErrors([]);
    const g = item.data;
    if (!changed.applicant || !g) return;
    const keys = new Set(g.formFields.map((f) => f.key));
    for (const [from, v] of Object.entries(changed.applicant)) {
      for (const k of MIRROR[from as keyof typeof MIRROR] ?? []) {
        if (!keys.has(k)) continue;
        const cur = form.getFieldValue(['form', k]) as unknown;
        if (!cur || cur === lastApplicant.current[from as keyof ApplicantValues]) form.setFieldValue(['form', k], v);
      }
    }
    lastApplicant.current = { ...lastApplicant.current, ...changed.applicant };
  };

  const submit = async () => {
    const g = item.data;
    if (!g) return;
    mode.current = 'submit';
    setOtherErrors([]);
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const values = form.getFieldsValue(true) as CaseFormValues;
    const a = values.applicant!;
    const applicant = {
      kind: a.kind,
      name: a.name.trim(),
      ...(a.kind === 'company' ? { creditCode: a.creditCode?.trim() } : { idNumber: a.idNumber?.trim() }),
      ...(a.phone?.trim() ? { phone: a.phone.trim() } : {}),
    };
    setBusy(true);
    try {
      const r = await api.post('/api/cases', {
        params: { header: { 'idempotency-key': idempotencyKey.current } },
        body: {
          itemCode: g.code ?? itemCode,
          ...toCaseBody(values, g.materials),
          submit: true,
          applicant,
          channel: 'window',
          ...linkageBody(values as LinkageValues),
        },
      });
      void message.success(t('wr.registered', { number: r.number }));
      if (g.handlingType !== 'immediate') {
        navigate(`/workbench/cases/${r.id}`);
        return;
      }
      setCreated(await api.get('/api/cases/{id}', { params: { path: { id: r.id } } }));
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setOtherErrors(
        applyFieldErrors(form, err.problem.errors, (f) =>
          f === 'itemCode'
            ? ['itemCode']
            : (linkagePath(f) ?? caseErrorPath(g.formFields, g.materials.length, { applicant: true, paper: true })(f)),
        ),
      );
    } finally {
      setBusy(false);
    }
  };

  const next = () => {
    setCreated(null);
    setItemCode(undefined);
    setOtherErrors([]);
    form.resetFields();
    lastApplicant.current = {};
    idempotencyKey.current = newUuid();
  };

  const g = item.data;
  return (
    <div>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/workbench">{t('wb.inbox')}</Link> }, { title: t('wb.register') }]}
      />
      <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="wr-title">
        {t('wb.register')}
      </Typography.Title>
      {created && g ? (
        <OneVisit
          c={created}
          item={g}
          onChange={setCreated}
          onStale={() => void api.get('/api/cases/{id}', { params: { path: { id: created.id } } }).then(setCreated)}
          onNext={next}
        />
      ) : (
        <Form
          form={form}
          layout="vertical"
          onValuesChange={onValuesChange}
          data-testid="wr-form"
          scrollToFirstError={{ block: 'center' }}
        >
          <Card title={t('apply.applicantSection')} className="guide-section" size="small">
            <ApplicantSection testPrefix="wr-applicant" />
          </Card>
          <Card title={t('wr.item')} className="guide-section" size="small">
            <Form.Item
              name="itemCode"
              label={t('case.item')}
              rules={[{ required: true, message: t('common.selectRequired', { field: t('case.item') }) }]}
            >
              <ItemSelect
                testId="wr-item"
                onChange={(code) => setItemCode(code)}
                style={{ width: '100%', maxWidth: 560 }}
              />
            </Form.Item>
            {g && (
              <Space wrap>
                <Tag color={g.handlingType === 'immediate' ? 'green' : 'blue'} data-testid="wr-handling">
                  {label('handling', g.handlingType)}
                </Tag>
                {g.promisedLimit && (
                  <Tag>{`${t('guide.promisedLimit')} ${t('common.workdays', { n: g.promisedLimit.days })}`}</Tag>
                )}
                <Link to={`/items/${encodeURIComponent(g.code ?? itemCode ?? '')}`} target="_blank">
                  {t('portal.viewGuide')}
                </Link>
              </Space>
            )}
          </Card>
          {item.loading && <Skeleton active />}
          {item.error && <ErrorResult error={item.error} onRetry={item.reload} />}
          {g && (
            <>
              <Card title={t('apply.formSection')} className="guide-section" size="small">
                <FormFieldsSection fields={g.formFields} mode={mode} testPrefix="wr-field" />
              </Card>
              <Card title={t('apply.materialsSection')} className="guide-section" size="small">
                <Typography.Paragraph type="secondary">{t('wr.materialsHint')}</Typography.Paragraph>
                <MaterialsSection materials={g.materials} mode={mode} windowMode />
              </Card>
              <LinkageSection item={g} />
              <OtherErrorsAlert errors={otherErrors} testId="wr-errors" titled className="guide-section" />
              <Button
                type="primary"
                size="large"
                icon={<SendOutlined />}
                loading={busy}
                onClick={() => void submit()}
                data-testid="wr-submit"
              >
                {g.handlingType === 'immediate' ? t('wr.submitImmediate') : t('wr.submit')}
              </Button>
            </>
          )}
        </Form>
      )}
    </div>
  );
}
