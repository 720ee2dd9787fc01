import { Alert, Checkbox, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, Tag, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, type CSSProperties, type ReactNode, type RefObject } from 'react';
import { api, type FieldError } from '../client';
import { useI18n } from '../i18n';
import { CONTACT_PHONE_RE, isValidCreditCode, isValidIdNumber } from '../validators';
import { mustProvide, type CaseView, type FormField, type UploadedFile } from '../cases';
import { accountPrefill, type AccountFacts, type AccountProfile } from '../prefill';
import { useFetch } from './hooks';
import type { Material, User } from '../types';
import type { NamePath } from '../formErrors';
import { FileUploadField } from './FileUpload';
import { t as tr } from '../i18n';

/** 'draft' skips required checks (a draft may be incomplete); formats are always checked, as the server does. */
export type FormMode = 'draft' | 'submit';

const MAX: Record<string, number> = {
  text: 200,
  textarea: 5000,
  address: 300,
  number: 40,
  select: 100,
  idNumber: 18,
  creditCode: 18,
  phone: 30,
};

const isBlank = (v: unknown) =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

function fieldRules(f: FormField, mode: RefObject<FormMode>): Rule[] {
  const rules: Rule[] = [
    {
      validator: (_, v: unknown) =>
        f.required && mode.current === 'submit' && isBlank(v)
          ? Promise.reject(
              new Error(
                tr(f.type === 'select' || f.type === 'date' ? 'common.selectRequired' : 'common.required', {
                  field: f.label,
                }),
              ),
            )
          : Promise.resolve(),
    },
  ];
  const max = MAX[f.type];
  if (max && f.type !== 'number') rules.push({ max, message: tr('apply.maxLength', { field: f.label, n: max }) });
  const check = (ok: (s: string) => boolean, key: Parameters<typeof tr>[0]) =>
    rules.push({
      validator: (_, v: unknown) =>
        isBlank(v) || ok(String(v).trim()) ? Promise.resolve() : Promise.reject(new Error(tr(key, { field: f.label }))),
    });
  if (f.type === 'idNumber') check(isValidIdNumber, 'auth.idNumberInvalid');
  if (f.type === 'creditCode') check(isValidCreditCode, 'auth.creditCodeInvalid');
  if (f.type === 'phone') check((s) => CONTACT_PHONE_RE.test(s), 'apply.phoneInvalid');
  return rules;
}

/** The input for one field type; `rest` carries the value and onChange Form.Item injects. */
function FieldControl({ f, testId, ...rest }: { f: FormField; testId: string; [prop: string]: unknown }) {
  switch (f.type) {
    case 'textarea':
      return (
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={MAX.textarea} data-testid={testId} {...rest} />
      );
    case 'number':
      return <InputNumber style={{ width: '100%' }} data-testid={testId} {...rest} />;
    case 'date':
      return <DatePicker style={{ width: '100%' }} data-testid={testId} {...rest} />;
    case 'select':
      return (
        <Select
          data-testid={testId}
          allowClear
          options={(f.options ?? []).map((o) => ({ value: o, label: o }))}
          {...rest}
        />
      );
    case 'phone':
      return <Input inputMode="tel" autoComplete="tel" data-testid={testId} {...rest} />;
    case 'idNumber':
    case 'creditCode':
      return <Input maxLength={18} data-testid={testId} style={{ textTransform: 'uppercase' }} {...rest} />;
    default:
      return <Input data-testid={testId} {...rest} />;
  }
}

/** The application form generated from the item's `formFields`, under the form name `form`. */
export function FormFieldsSection<F extends FormField>({
  fields,
  mode,
  testPrefix = 'apply-field',
  extra,
}: {
  fields: F[];
  mode: RefObject<FormMode>;
  testPrefix?: string;
  /** A note under a field (a bundle form says which items share it). */
  extra?: (f: F) => ReactNode;
}) {
  const { t } = useI18n();
  if (!fields.length) return <Typography.Text type="secondary">{t('apply.noFields')}</Typography.Text>;
  return (
    <Row gutter={16}>
      {fields.map((f) => (
        <Col key={f.key} xs={24} md={f.type === 'textarea' || f.type === 'address' ? 24 : 12}>
          <Form.Item
            name={['form', f.key]}
            label={f.label}
            required={f.required}
            extra={extra?.(f)}
            rules={fieldRules(f, mode)}
            validateFirst
            {...(f.type === 'date'
              ? {
                  getValueProps: (v: unknown) => ({ value: typeof v === 'string' && v ? dayjs(v) : undefined }),
                  normalize: (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined),
                }
              : f.type === 'idNumber' || f.type === 'creditCode'
                ? { normalize: (v: string) => v?.toUpperCase() }
                : {})}
          >
            <FieldControl f={f} testId={`${testPrefix}-${f.key}`} />
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
}

/** Name, required marker, form, copies, source and notes of one material. */
export function MaterialHead({ m, index }: { m: Material; index: number }) {
  const { t, label } = useI18n();
  return (
    <div>
      <div className="material-name">
        {mustProvide(m) && <span className="required-mark">*</span>}
        {index + 1}. {m.name}
      </div>
      <div className="material-tags">
        {m.required ? <Tag color="red">{t('guide.requiredYes')}</Tag> : <Tag>{t('guide.requiredNo')}</Tag>}
        {m.toleranceAllowed && <Tag color="gold">{t('guide.toleranceYes')}</Tag>}
        {m.source !== 'applicant' && <Tag color="blue">{label('materialSource', m.source)}</Tag>}
        <span>
          {label('materialForm', m.form)}
          {m.copies ? ` · ${t('apply.copies', { n: m.copies })}` : ''}
          {m.paperSize ? ` · ${m.paperSize}` : ''}
        </span>
      </div>
      {m.notes && (
        <Typography.Paragraph type="secondary" className="material-notes">
          {m.notes}
        </Typography.Paragraph>
      )}
      {m.source !== 'applicant' && (
        <Typography.Text type="secondary" className="material-notes">
          {t('apply.sharedHint')}
        </Typography.Text>
      )}
    </div>
  );
}

/** Materials with one upload each, under `materials[i].fileIds` (and `materials[i].paper` at a window). */
export function MaterialsSection({
  materials,
  mode,
  windowMode = false,
  note,
}: {
  materials: Material[];
  mode: RefObject<FormMode>;
  /** Window registration: the clerk may tick "paper original checked" instead of scanning. */
  windowMode?: boolean;
  /** A line under a material's head (a bundle's list says which items it serves). */
  note?: (m: Material, index: number) => ReactNode;
}) {
  const { t } = useI18n();
  if (!materials.length) return <Typography.Text type="secondary">{t('apply.noMaterials')}</Typography.Text>;
  return (
    <div className="materials">
      {materials.map((m, i) => (
        <div key={m.id} className="material-row" data-testid={`material-${m.id}`}>
          <MaterialHead m={m} index={i} />
          {note?.(m, i)}
          <Form.Item
            name={['materials', i, 'fileIds']}
            dependencies={windowMode ? [['materials', i, 'paper']] : undefined}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, v: unknown) =>
                  mustProvide(m) && mode.current === 'submit' && isBlank(v) && !getFieldValue(['materials', i, 'paper'])
                    ? Promise.reject(new Error(tr('apply.materialRequired', { name: m.name })))
                    : Promise.resolve(),
              }),
            ]}
            style={{ marginBottom: windowMode ? 4 : 0 }}
          >
            <FileUploadField testId={`material-upload-${m.id}`} />
          </Form.Item>
          {windowMode && (
            <Form.Item name={['materials', i, 'paper']} valuePropName="checked" style={{ marginBottom: 0 }}>
              <Checkbox data-testid={`material-paper-${m.id}`}>{t('apply.paperChecked')}</Checkbox>
            </Form.Item>
          )}
        </div>
      ))}
    </div>
  );
}

export interface ApplicantValues {
  kind: 'person' | 'company';
  name: string;
  idNumber?: string;
  creditCode?: string;
  phone?: string;
}

/** Who the case is for (window registration, agent filing): kind, name, ID number or credit code, phone. */
export function ApplicantSection({ testPrefix = 'wr-applicant' }: { testPrefix?: string }) {
  const { t } = useI18n();
  const kind = Form.useWatch(['applicant', 'kind']) as ApplicantValues['kind'] | undefined;
  return (
    <Row gutter={16}>
      <Col xs={24}>
        <Form.Item name={['applicant', 'kind']} label={t('apply.applicantKind')} initialValue="person">
          <Radio.Group optionType="button" buttonStyle="solid" data-testid={`${testPrefix}-kind`}>
            <Radio.Button value="person">
              <span data-testid={`${testPrefix}-kind-person`}>{t('auth.kindPerson')}</span>
            </Radio.Button>
            <Radio.Button value="company">
              <span data-testid={`${testPrefix}-kind-company`}>{t('auth.kindCompany')}</span>
            </Radio.Button>
          </Radio.Group>
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name={['applicant', 'name']}
          label={kind === 'company' ? t('auth.companyName') : t('auth.personName')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.required', {
                field: kind === 'company' ? t('auth.companyName') : t('auth.personName'),
              }),
            },
            { max: 100 },
          ]}
        >
          <Input data-testid={`${testPrefix}-name`} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        {kind === 'company' ? (
          <Form.Item
            name={['applicant', 'creditCode']}
            label={t('auth.creditCode')}
            normalize={(v: string) => v?.toUpperCase()}
            validateFirst
            rules={[
              { required: true, message: t('common.required', { field: t('auth.creditCode') }) },
              {
                validator: (_, v: string) =>
                  !v || isValidCreditCode(v)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('auth.creditCodeInvalid'))),
              },
            ]}
          >
            <Input maxLength={18} data-testid={`${testPrefix}-credit-code`} />
          </Form.Item>
        ) : (
          <Form.Item
            name={['applicant', 'idNumber']}
            label={t('auth.idNumber')}
            normalize={(v: string) => v?.toUpperCase()}
            validateFirst
            rules={[
              { required: true, message: t('common.required', { field: t('auth.idNumber') }) },
              {
                validator: (_, v: string) =>
                  !v || isValidIdNumber(v) ? Promise.resolve() : Promise.reject(new Error(t('auth.idNumberInvalid'))),
              },
            ]}
          >
            <Input maxLength={18} data-testid={`${testPrefix}-id-number`} />
          </Form.Item>
        )}
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name={['applicant', 'phone']}
          label={t('auth.phone')}
          rules={[
            {
              validator: (_, v: string) =>
                !v || CONTACT_PHONE_RE.test(v.trim())
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('apply.phoneInvalid', { field: t('auth.phone') }))),
            },
          ]}
        >
          <Input inputMode="tel" data-testid={`${testPrefix}-phone`} />
        </Form.Item>
      </Col>
    </Row>
  );
}

export interface CaseFormValues {
  form?: Record<string, unknown>;
  materials?: { fileIds?: UploadedFile[]; paper?: boolean }[];
  applicant?: ApplicantValues;
  /** Online filing of an item decided below its catalogue's level: where it is decided. */
  competentRegionCode?: string;
}

export interface MaterialInput {
  materialId: string;
  fileIds: string[];
  paper?: boolean;
}

/** The form a new application starts with: what the account fills in (`accountPrefill`), no files yet. */
export function initialApplicationValues(
  fields: Pick<FormField, 'key' | 'type'>[],
  materialCount: number,
  account: AccountFacts,
): CaseFormValues {
  return {
    form: accountPrefill(fields, account),
    materials: Array.from({ length: materialCount }, () => ({ fileIds: [] })),
  };
}

/**
 * The signed-in applicant's facts for a new form: the name from the session, the ID number or credit code
 * and the phone from their latest own application (the session answers them masked only). `null` while
 * loading; for staff (an agent types the applicant in) just the name.
 */
export function useAccountFacts(user: User | null, enabled: boolean): AccountFacts | null {
  const applicant = enabled && !!user && user.kind !== 'staff';
  const profile = useFetch<AccountProfile | null>(
    applicant ? (signal) => api.get('/api/account/profile', { signal, silent: true }) : null,
    [applicant, user?.id],
  );
  const waiting = !user || (applicant && profile.loading);
  return useMemo(() => {
    if (waiting || !user) return null;
    const p = profile.data;
    return {
      kind: user.kind,
      name: user.name,
      ...(applicant && p ? { idNumber: p.idNumber, creditCode: p.creditCode, phone: p.phone } : {}),
    };
  }, [waiting, user, applicant, profile.data]);
}

/** Form values → the `form` and `materials` of a create/submit body (blank optional fields dropped). */
export function toCaseBody(
  values: CaseFormValues,
  materials: Material[],
): { form: Record<string, unknown>; materials: MaterialInput[] } {
  const form: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values.form ?? {})) {
    if (isBlank(v)) continue;
    form[k] = typeof v === 'string' ? v.trim() : v;
  }
  return {
    form,
    materials: materials.map((m, i) => {
      const v = values.materials?.[i];
      return { materialId: m.id, fileIds: (v?.fileIds ?? []).map((f) => f.id), ...(v?.paper ? { paper: true } : {}) };
    }),
  };
}

/** A saved case → initial form values, materials in the item's order. */
export function fromCase(c: CaseView, materials: Material[]): CaseFormValues {
  return {
    form: { ...c.form },
    materials: materials.map((m) => {
      const cm = c.materials.find((x) => x.materialId === m.id);
      return { fileIds: cm?.files ?? [], paper: cm?.paper ?? false };
    }),
  };
}

/** Resolves server error paths of a create/submit body onto the case form's items. */
export function caseErrorPath(
  fields: FormField[],
  materialCount: number,
  opts: { applicant?: boolean; paper?: boolean } = {},
) {
  const keys = new Set(fields.map((f) => f.key));
  return (field: string): NamePath | null => {
    const parts = field.split('.');
    if (parts[0] === 'form' && parts[1] && keys.has(parts[1])) return ['form', parts[1]];
    if (parts[0] === 'materials' && parts[1] && /^\d+$/.test(parts[1])) {
      const i = Number(parts[1]);
      if (i >= materialCount) return null;
      return opts.paper && parts[2] === 'paper' ? ['materials', i, 'paper'] : ['materials', i, 'fileIds'];
    }
    if (
      opts.applicant &&
      parts[0] === 'applicant' &&
      parts[1] &&
      ['kind', 'name', 'idNumber', 'creditCode', 'phone'].includes(parts[1])
    ) {
      return ['applicant', parts[1]];
    }
    return null;
  };
}

/**
 * Server errors that name no field on the page. `titled`: under the heading "not submitted: please check…",
 * as a list (the application forms); else the messages themselves are the title.
 */
export function OtherErrorsAlert({
  errors,
  testId,
  titled,
  className,
  style,
}: {
  errors: FieldError[];
  testId: string;
  titled?: boolean;
  className?: string;
  style?: CSSProperties;
}) {
  const { t } = useI18n();
  if (errors.length === 0) return null;
  const list = titled ? (
    <ul className="plain-list">
      {errors.map((e, i) => (
        <li key={i}>{e.message}</li>
      ))}
    </ul>
  ) : (
    errors.map((e, i) => <div key={i}>{e.message}</div>)
  );
  return (
    <Alert
      type="error"
      showIcon
      className={className}
      style={style}
      data-testid={testId}
      title={titled ? t('apply.errorsTitle') : list}
      description={titled ? list : undefined}
    />
  );
}
