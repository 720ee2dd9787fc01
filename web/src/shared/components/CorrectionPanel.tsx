import { Alert, Button, Card, Form, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { useRef, useState } from 'react';
import { api, type FieldError } from '../client';
import { useI18n } from '../i18n';
import { useFetch } from './hooks';
import { applyFieldErrors, type NamePath } from '../formErrors';
import {
  caseFileUrl,
  ownFileUrl,
  payloadOf,
  type CaseView,
  type Correction,
  type ItemDetail,
  type UploadedFile,
  type ActionBody,
} from '../cases';
import { FileUploadField } from './FileUpload';
import { FormFieldsSection, OtherErrorsAlert, type FormMode } from './CaseForm';
import { useCaseAction } from './caseAction';

interface Values {
  files?: Record<string, UploadedFile[]>;
  form?: Record<string, unknown>;
}

/** The corrections of the latest one-time notice 一次性告知 in the case's history. */
export function latestCorrections(c: CaseView): Correction[] {
  const notice = [...c.history].reverse().find((h) => h.action === 'request-correction');
  return (notice && payloadOf(notice).corrections) ?? [];
}

const sameIds = (a: UploadedFile[], b: UploadedFile[]) => a.length === b.length && a.every((f, i) => f.id === b[i]?.id);

/**
 * 补正: what the window's notice lists, per material and per form field; the applicant replaces the
 * files (and corrects the fields), then resubmits (`resubmit`).
 */
export function CorrectionPanel({
  c,
  onDone,
  onStale,
}: {
  c: CaseView;
  onDone: (v: CaseView) => void;
  onStale: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const mode = useRef<FormMode>('submit');
  const { busy, post } = useCaseAction();
  const [otherErrors, setOtherErrors] = useState<FieldError[]>([]);
  const corrections = latestCorrections(c);
  const rejected = c.materials.filter(
    (m) => m.status === 'rejected' || corrections.some((x) => x.materialId === m.materialId),
  );
  const fieldKeys = new Set(corrections.flatMap((x) => (x.field ? [x.field] : [])));
  const needItem = fieldKeys.size > 0;
  const item = useFetch<ItemDetail>(
    needItem
      ? (signal) => api.get('/api/items/{code}', { params: { path: { code: c.itemCode } }, signal, silent: true })
      : null,
    [c.itemCode, needItem],
  );
  const fields = (item.data?.formFields ?? []).filter((f) => fieldKeys.has(f.key));
  const general = corrections.filter((x) => !x.materialId && !x.field);
  const originalIds = new Set(c.materials.flatMap((m) => m.files.map((f) => f.id)));

  const initial: Values = {
    files: Object.fromEntries(rejected.map((m) => [m.materialId, m.files])),
    form: Object.fromEntries([...fieldKeys].map((k) => [k, c.form[k]])),
  };

  const submit = async () => {
    setOtherErrors([]);
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const v = form.getFieldsValue(true) as Values;
    const materials = c.materials.map((m) => {
      const replaced = v.files?.[m.materialId];
      return replaced && rejected.some((r) => r.materialId === m.materialId)
        ? { materialId: m.materialId, fileIds: replaced.map((f) => f.id) }
        : { materialId: m.materialId, fileIds: m.files.map((f) => f.id), ...(m.paper ? { paper: true } : {}) };
    });
    const body: ActionBody = { action: 'resubmit', version: c.version, materials };
    if (fields.length)
      body.form = {
        ...c.form,
        ...Object.fromEntries(Object.entries(v.form ?? {}).filter(([, x]) => x !== undefined && x !== '')),
      };
    const resolve = (field: string): NamePath | null => {
      const p = field.split('.');
      if (p[0] === 'form' && p[1] && fieldKeys.has(p[1])) return ['form', p[1]];
      if (p[0] === 'materials' && p[1] && /^\d+$/.test(p[1])) {
        const id = materials[Number(p[1])]?.materialId;
        return id && rejected.some((r) => r.materialId === id) ? ['files', id] : null;
      }
      return null;
    };
    await post(c, body, {
      success: t('correction.done'),
      onDone,
      onStale,
      onError: (err) => setOtherErrors(applyFieldErrors(form, err.problem.errors, resolve)),
    });
  };

  return (
    <Card className="guide-section correction-panel" data-testid="case-correction" title={t('correction.title')}>
      <Alert type="warning" showIcon title={t('correction.hint')} style={{ marginBottom: 12 }} />
      {general.length > 0 && (
        <ul className="plain-list correction-general">
          {general.map((x, i) => (
            <li key={i}>{x.problem}</li>
          ))}
        </ul>
      )}
      <Form form={form} layout="vertical" initialValues={initial}>
        {rejected.map((m) => {
          const problems = corrections.filter((x) => x.materialId === m.materialId).map((x) => x.problem);
          if (!problems.length && m.note) problems.push(m.note);
          return (
            <div key={m.materialId} className="material-row" data-testid={`correction-${m.materialId}`}>
              <div className="material-name">{m.name}</div>
              <ul className="plain-list correction-problems">
                {problems.map((p, i) => (
                  <li key={i} data-testid="correction-problem">
                    {p}
                  </li>
                ))}
              </ul>
              <Form.Item
                name={['files', m.materialId]}
                rules={[
                  {
                    validator: (_, v: UploadedFile[] | undefined) =>
                      v?.length && !sameIds(v, m.files)
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('correction.replaceFiles'))),
                  },
                ]}
                style={{ marginBottom: 0 }}
              >
                <FileUploadField
                  testId={`correction-upload-${m.materialId}`}
                  hrefOf={(f) => (originalIds.has(f.id) ? caseFileUrl(c.id, f.id) : ownFileUrl(f.id))}
                />
              </Form.Item>
            </div>
          );
        })}
        {fields.length > 0 && (
          <div className="material-row">
            <Typography.Text strong>{t('correction.fields')}</Typography.Text>
            {corrections
              .filter((x) => x.field)
              .map((x, i) => (
                <Typography.Paragraph key={i} type="warning" style={{ margin: '4px 0' }}>
                  {fields.find((f) => f.key === x.field)?.label ?? x.field}：{x.problem}
                </Typography.Paragraph>
              ))}
            <FormFieldsSection fields={fields} mode={mode} testPrefix="correction-field" />
          </div>
        )}
      </Form>
      <OtherErrorsAlert errors={otherErrors} testId="correction-errors" style={{ marginBottom: 12 }} />
      <Button
        type="primary"
        icon={<SendOutlined />}
        loading={busy}
        onClick={() => void submit()}
        data-testid="case-resubmit"
      >
        {t('correction.resubmit')}
      </Button>
    </Card>
  );
}
