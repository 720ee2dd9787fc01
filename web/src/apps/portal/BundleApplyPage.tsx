import {
  Alert,
  App as AntApp,
  Breadcrumb,
  Button,
  Card,
  Form,
  Popconfirm,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
  type ButtonProps,
} from 'antd';
import { ClockCircleOutlined, SendOutlined } from '@ant-design/icons';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, ApiError, newUuid, type FieldError } from '../../shared/client';
import { useAuth } from '../../shared/auth';
import { addMessages, useI18n } from '../../shared/i18n';
import { portalAreaZh } from '../../shared/i18n/portal.area.zh-CN';
import { useFetch } from '../../shared/components/hooks';
import { ErrorResult } from '../../shared/components/common';
import { applyFieldErrors, scrollToFirstError } from '../../shared/formErrors';
import {
  caseErrorPath,
  FormFieldsSection,
  initialApplicationValues,
  useAccountFacts,
  MaterialsSection,
  OtherErrorsAlert,
  toCaseBody,
  type CaseFormValues,
  type FormMode,
} from '../../shared/components/CaseForm';
import { asMaterial, fetchBundle, problemCode, type BundleDetail, type MergedField } from '../../shared/bundles';

addMessages(portalAreaZh);

/** Problems whose `materials.<i>` paths index the merged list; others come from one item's own filing. */
const MERGED_PATH_CODES = ['bundle_application_invalid', 'bundle_field_conflict'];

/**
 * A shared-field group (企业名称 asked as companyName by one item and enterpriseName by another) is one
 * piece of information: the server copies the first given value to the others, so only the group's
 * first field stays required; the others may be left blank.
 */
function sharedFollowersOptional(form: MergedField[]): (MergedField & { follows?: string })[] {
  const leaders = new Map<string, MergedField>();
  return form.map((f) => {
    if (!f.sharedGroup) return f;
    const leader = leaders.get(f.sharedGroup);
    if (!leader) {
      leaders.set(f.sharedGroup, f);
      return f;
    }
    return { ...f, required: false, follows: leader.label };
  });
}

/** The bundle's items with their departments and promised days. */
function ItemsTable({ d }: { d: BundleDetail }) {
  const { t } = useI18n();
  return (
    <Table
      size="small"
      rowKey="code"
      pagination={false}
      data-testid="bundle-items"
      dataSource={d.items}
      columns={[
        {
          title: t('bd.item'),
          dataIndex: 'name',
          render: (name: string, i) => <Link to={`/items/${encodeURIComponent(i.code)}`}>{name}</Link>,
        },
        {
          title: t('bd.department'),
          dataIndex: 'departmentName',
          render: (n: string | null, i) => n ?? i.departmentCode,
        },
        {
          title: t('guide.promisedLimit'),
          dataIndex: 'promisedDays',
          render: (n: number) => t('common.workdays', { n }),
        },
      ]}
    />
  );
}

/**
 * 一件事申请 `/bundles/:code/apply`: the bundle's items, departments and total promised time, ONE form
 * merged across the items, ONE de-duplicated material list, one submission filing every linked case
 * (`POST /api/bundles/{code}/applications`). Conflicting values come back per field.
 */
export default function BundleApplyPage() {
  const { code = '' } = useParams();
  const { t } = useI18n();
  const { user } = useAuth();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<CaseFormValues>();
  const mode = useRef<FormMode>('submit');
  // One key per application attempt, reused when the same request is retried.
  const idempotencyKey = useRef(newUuid());
  const [busy, setBusy] = useState(false);
  const [otherErrors, setOtherErrors] = useState<FieldError[]>([]);
  const [conflict, setConflict] = useState<string | null>(null);
  const page = useRef<HTMLDivElement>(null);

  const bundle = useFetch<BundleDetail>((signal) => fetchBundle(code, { signal, silent: true }), [code]);
  const d = bundle.data;
  const materials = useMemo(() => (d ? d.materials.map(asMaterial) : []), [d]);
  const itemNames = useMemo(() => new Map((d?.items ?? []).map((i) => [i.code, i.name])), [d]);
  const fields = useMemo(() => (d ? sharedFollowersOptional(d.form) : []), [d]);

  const account = useAccountFacts(user, true);
  useEffect(() => {
    if (!d || !account) return;
    form.resetFields();
    form.setFieldsValue(initialApplicationValues(d.form, d.materials.length, account));
  }, [d, account, form]);

  if (bundle.loading || (d && !account))
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  if (bundle.error)
    return <ErrorResult error={bundle.error} onRetry={bundle.error.status === 404 ? undefined : bundle.reload} />;
  if (!d) return null;

  const departments = [
    ...new Map(d.items.map((i) => [i.departmentCode, i.departmentName ?? i.departmentCode])).values(),
  ];
  const fieldNote = (f: MergedField & { follows?: string }) => {
    const parts = [];
    if (f.sharedGroup)
      parts.push(
        f.follows
          ? t('bd.sharedFill', { label: f.sharedGroup, field: f.follows })
          : t('bd.sharedGroup', { label: f.sharedGroup }),
      );
    if (f.itemCodes.length < d.items.length)
      parts.push(t('bd.usedBy', { items: f.itemCodes.map((c) => itemNames.get(c) ?? c).join('、') }));
    return parts.length ? <span data-testid={`bundle-field-note-${f.key}`}>{parts.join('；')}</span> : undefined;
  };

  const materialNote = (_m: unknown, i: number) => {
    const sources = d.materials[i]?.sources ?? [];
    if (sources.length < 2) return null;
    return (
      <Typography.Text
        type="secondary"
        className="material-notes"
        data-testid={`bundle-material-used-${d.materials[i]!.id}`}
        data-count={sources.length}
      >
        {t('bd.mergedFrom', { items: sources.map((s) => itemNames.get(s.itemCode) ?? s.itemCode).join('、') })}
      </Typography.Text>
    );
  };

  const submit = async () => {
    mode.current = 'submit';
    setOtherErrors([]);
    setConflict(null);
    try {
      await form.validateFields();
    } catch {
      void message.warning(t('apply.fixErrors'));
      scrollToFirstError(page.current);
      return;
    }
    const body = toCaseBody(form.getFieldsValue(true) as CaseFormValues, materials);
    setBusy(true);
    try {
      const created = await api.post('/api/bundles/{code}/applications', {
        params: { path: { code }, header: { 'idempotency-key': idempotencyKey.current } },
        body: {
          form: body.form,
          materials: body.materials.map(({ materialId, fileIds }) => ({ materialId, fileIds })),
          submit: true,
        },
        silent: true,
      });
      void message.success(t('bd.submitted', { n: created.caseIds.length }));
      navigate(`/my/bundles/${created.id}`);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      const all = caseErrorPath(d.form, materials.length);
      const code = problemCode(err.problem) ?? '';
      const merged = MERGED_PATH_CODES.includes(code);
      if (code === 'bundle_field_conflict') setConflict(err.problem.detail);
      const rest = applyFieldErrors(form, err.problem.errors, (field) =>
        merged || field.startsWith('form.') ? all(field) : null,
      );
      setOtherErrors(
        rest.length || (err.problem.errors?.length ?? 0) > 0 ? rest : [{ field: '', message: err.problem.detail }],
      );
      scrollToFirstError(page.current, '[data-testid="bundle-errors"]');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="apply-page" ref={page}>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to="/">{t('nav.home')}</Link> },
          { title: <Link to="/#bundles">{t('bd.title')}</Link> },
          { title: d.name },
        ]}
      />
      <Card className="guide-section" data-testid="bundle-head">
        <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="bundle-title">
          {t('bd.applyTitle', { name: d.name })}
        </Typography.Title>
        {d.description && <Typography.Paragraph type="secondary">{d.description}</Typography.Paragraph>}
        <Space wrap style={{ marginBottom: 12 }}>
          <Tag color="red">{d.modeLabel}</Tag>
          <Tag icon={<ClockCircleOutlined />} data-testid="bundle-promised" data-days={d.promisedDays}>
            {t('bd.promisedTotal')} {t('common.workdays', { n: d.promisedDays })}
          </Tag>
          <Tag data-testid="bundle-item-count">{t('bd.itemCount', { n: d.items.length })}</Tag>
        </Space>
        <div style={{ marginBottom: 12 }} data-testid="bundle-departments">
          <Typography.Text type="secondary">{t('bd.departments')}：</Typography.Text>
          {departments.map((n) => (
            <Tag key={n}>{n}</Tag>
          ))}
        </div>
        <ItemsTable d={d} />
      </Card>

      <Form
        form={form}
        layout="vertical"
        data-testid="bundle-form"
        scrollToFirstError={{ block: 'center' }}
        onValuesChange={() => otherErrors.length && setOtherErrors([])}
      >
        {conflict && (
          <Alert
            type="warning"
            showIcon
            className="guide-section"
            data-testid="bundle-conflicts"
            title={t('bd.conflicts')}
            description={conflict}
          />
        )}
        <Card title={t('bd.formSection')} className="guide-section" size="small" data-testid="bundle-form-fields">
          <FormFieldsSection fields={fields} mode={mode} extra={fieldNote} />
        </Card>
        <Card title={t('bd.materialsSection')} className="guide-section" size="small" data-testid="bundle-materials">
          <Typography.Paragraph
            data-testid="bundle-material-count"
            data-before={d.materialCountBefore}
            data-after={d.materialCountAfter}
          >
            {t('bd.materialCount', { before: d.materialCountBefore, after: d.materialCountAfter })}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary">{t('apply.materialsHint')}</Typography.Paragraph>
          <MaterialsSection materials={materials} mode={mode} note={materialNote} />
        </Card>
        <OtherErrorsAlert errors={otherErrors} testId="bundle-errors" titled className="guide-section" />
        <div className="apply-actions">
          <Popconfirm
            title={t('bd.submitConfirm')}
            onConfirm={() => void submit()}
            okButtonProps={{ 'data-testid': 'bundle-submit-confirm' } as ButtonProps}
          >
            <Button type="primary" icon={<SendOutlined />} loading={busy} disabled={busy} data-testid="bundle-submit">
              {t('bd.submit')}
            </Button>
          </Popconfirm>
        </div>
      </Form>
    </div>
  );
}
