import { App as AntApp, Breadcrumb, Button, Card, Form, Skeleton, Space, Tag, Typography } from 'antd';
import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import { useEffect, useRef, useState } from 'react';
import { Link, Navigate, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { api, ApiError, newUuid, type FieldError } from '../../shared/client';
import { useAuth } from '../../shared/auth';
import { addMessages, useI18n } from '../../shared/i18n';
import { portalAreaZh } from '../../shared/i18n/portal.area.zh-CN';
import { useFetch } from '../../shared/components/hooks';
import { ErrorResult } from '../../shared/components/common';
import { applyFieldErrors, scrollToFirstError } from '../../shared/formErrors';
import { needsCompetentRegion, type CaseView, type ItemDetail } from '../../shared/cases';
import { RegionTreeSelect } from '../../shared/components/RegionTreeSelect';
import {
  ApplicantSection,
  caseErrorPath,
  FormFieldsSection,
  fromCase,
  initialApplicationValues,
  MaterialsSection,
  toCaseBody,
  type CaseFormValues,
  type FormMode,
  OtherErrorsAlert,
  useAccountFacts,
} from '../../shared/components/CaseForm';

addMessages(portalAreaZh);

/**
 * 网上申请 `/items/:code/apply` (`?draft=<id>` continues a saved draft): the form generated from the
 * item's fields, one upload per material, save as draft or submit. The first save creates the case
 * (`POST /api/cases`, `submit:false`); later saves replace the draft (`PUT /api/cases/{id}/draft`) and
 * submitting a saved draft is its `submit` action.
 */
export default function ApplyPage() {
  const { code = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const draftId = params.get('draft');
  const { t, label } = useI18n();
  const { user, hasRole } = useAuth();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<CaseFormValues>();
  const mode = useRef<FormMode>('submit');
  // One key per application attempt, reused when the same request is retried.
  const idempotencyKey = useRef(newUuid());
  const [busy, setBusy] = useState<FormMode | null>(null);
  const [otherErrors, setOtherErrors] = useState<FieldError[]>([]);
  const page = useRef<HTMLDivElement>(null);
  const agent = user?.kind === 'staff' && hasRole('agent');

  const item = useFetch<ItemDetail>(
    (signal) => api.get('/api/items/{code}', { params: { path: { code } }, signal, silent: true }),
    [code],
  );
  const draft = useFetch<CaseView>(
    draftId
      ? (signal) => api.get('/api/cases/{id}', { params: { path: { id: draftId } }, signal, silent: true })
      : null,
    [draftId],
  );
  const account = useAccountFacts(user, !draftId);
  const ready = !!item.data && (draftId ? !!draft.data : !!account);

  useEffect(() => {
    if (!item.data) return;
    if (draftId ? !draft.data : !account) return;
    form.resetFields();
    form.setFieldsValue(
      draft.data
        ? fromCase(draft.data, item.data.materials)
        : initialApplicationValues(item.data.formFields, item.data.materials.length, account!),
    );
  }, [item.data, draft.data, draftId, account, form]);

  if (item.loading || draft.loading || (!item.error && !draft.error && !ready))
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  if (item.error)
    return <ErrorResult error={item.error} onRetry={item.error.status === 404 ? undefined : item.reload} />;
  if (draft.error) return <ErrorResult error={draft.error} onRetry={draft.reload} />;
  if (!ready || !item.data) return null;
  const g = item.data;
  if (draft.data && draft.data.status !== 'draft') return <Navigate to={`/my/cases/${draft.data.id}`} replace />;

  const casePath = caseErrorPath(g.formFields, g.materials.length, { applicant: agent });
  const resolve = (field: string) => (field === 'competentRegionCode' ? [field] : casePath(field));

  const run = async (which: FormMode) => {
    mode.current = which;
    setOtherErrors([]);
    let values: CaseFormValues;
    try {
      values = await form.validateFields();
    } catch {
      void message.warning(t('apply.fixErrors'));
      scrollToFirstError(page.current);
      return;
    }
    const body = toCaseBody(form.getFieldsValue(true) as CaseFormValues, g.materials);
    setBusy(which);
    try {
      if (draft.data && which === 'draft') {
        const saved = await api.put('/api/cases/{id}/draft', {
          params: { path: { id: draft.data.id } },
          body: { version: draft.data.version, ...body },
          silent: true,
        });
        void message.success(t('apply.draftSaved', { number: saved.number }));
        draft.setData(saved);
        return;
      }
      if (draft.data) {
        const view = await api.post('/api/cases/{id}/actions', {
          params: { path: { id: draft.data.id } },
          body: { action: 'submit', version: draft.data.version, ...body },
          silent: true,
        });
        void message.success(t('apply.submitted', { number: view.number }));
        navigate(agent ? `/workbench/cases/${view.id}` : `/my/cases/${view.id}`);
        return;
      }
      const created = await api.post('/api/cases', {
        params: { header: { 'idempotency-key': idempotencyKey.current } },
        body: {
          itemCode: g.code ?? code,
          ...body,
          submit: which === 'submit',
          ...(agent && values.applicant ? { applicant: values.applicant } : {}),
          ...(values.competentRegionCode ? { competentRegionCode: values.competentRegionCode } : {}),
        },
      });
      if (which === 'submit') {
        void message.success(t('apply.submitted', { number: created.number }));
        navigate(agent ? `/workbench/cases/${created.id}` : `/my/cases/${created.id}`);
      } else {
        void message.success(t('apply.draftSaved', { number: created.number }));
        // From now on this attempt is the saved draft; submitting it is an action on the case.
        setParams({ draft: created.id }, { replace: true });
      }
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (err.status === 409 && draft.data) {
        void message.warning(t('case.stale'));
        draft.reload();
        return;
      }
      if (draft.data) void message.error(err.problem.detail);
      setOtherErrors(applyFieldErrors(form, err.problem.errors, resolve));
      scrollToFirstError(page.current, '[data-testid="apply-errors"]');
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="apply-page" ref={page}>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to="/">{t('nav.home')}</Link> },
          { title: <Link to={`/items/${encodeURIComponent(code)}`}>{g.name}</Link> },
          { title: t('apply.title') },
        ]}
      />
      <Card className="guide-section">
        <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="apply-title">
          {t('apply.titleOf', { name: g.name })}
        </Typography.Title>
        <Space wrap>
          <Tag color="red">{g.typeLabel || label('itemType', g.type)}</Tag>
          <Tag>{label('handling', g.handlingType)}</Tag>
          {g.promisedLimit && (
            <Tag>{`${t('guide.promisedLimit')} ${t('common.workdays', { n: g.promisedLimit.days })}`}</Tag>
          )}
          {draft.data && (
            <Tag color="blue" data-testid="apply-draft-number">
              {t('apply.draftOf', { number: draft.data.number })}
            </Tag>
          )}
        </Space>
      </Card>

      <Form
        form={form}
        layout="vertical"
        data-testid="apply-form"
        scrollToFirstError={{ block: 'center' }}
        onValuesChange={() => otherErrors.length && setOtherErrors([])}
      >
        {agent && !draft.data && (
          <Card title={t('apply.applicantSection')} className="guide-section" size="small">
            <ApplicantSection testPrefix="apply-applicant" />
          </Card>
        )}
        {agent && draft.data && (
          <Card title={t('apply.applicantSection')} className="guide-section" size="small">
            {draft.data.applicant.name}
          </Card>
        )}
        {!draft.data && needsCompetentRegion(g) && (
          <Card title={t('apply.competentRegion')} className="guide-section" size="small">
            <Form.Item
              name="competentRegionCode"
              label={t('apply.competentRegionLabel', { level: label('level', g.decideLevel) })}
              extra={t('apply.competentRegionHint')}
              rules={[{ required: true, message: t('apply.competentRegionRequired') }]}
            >
              <RegionTreeSelect rootCode={g.regionCode} testId="apply-competent-region" />
            </Form.Item>
          </Card>
        )}
        <Card title={t('apply.formSection')} className="guide-section" size="small" data-testid="apply-form-fields">
          <FormFieldsSection fields={g.formFields} mode={mode} />
        </Card>
        <Card title={t('apply.materialsSection')} className="guide-section" size="small" data-testid="apply-materials">
          <Typography.Paragraph type="secondary">{t('apply.materialsHint')}</Typography.Paragraph>
          <MaterialsSection materials={g.materials} mode={mode} />
        </Card>
        <OtherErrorsAlert errors={otherErrors} testId="apply-errors" titled className="guide-section" />
        <div className="apply-actions">
          <Button
            icon={<SaveOutlined />}
            onClick={() => void run('draft')}
            loading={busy === 'draft'}
            disabled={!!busy}
            data-testid="apply-save-draft"
          >
            {t('apply.saveDraft')}
          </Button>
          <Button
            type="primary"
            icon={<SendOutlined />}
            onClick={() => void run('submit')}
            loading={busy === 'submit'}
            disabled={!!busy}
            data-testid="apply-submit"
          >
            {t('apply.submit')}
          </Button>
        </div>
      </Form>
    </div>
  );
}
