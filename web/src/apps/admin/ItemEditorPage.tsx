import {
  Alert,
  Button,
  Card,
  Col,
  Divider,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Row,
  Select,
  Space,
  Switch,
  type FormItemProps,
} from 'antd';
import { DeleteOutlined, PlusOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { useEffect, useState, type ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { App as AntApp } from 'antd';
import { api, ApiError, type Body } from '../../shared/client';
import { applyFieldErrors } from '../../shared/formErrors';
import { useI18n } from '../../shared/i18n';
import { ErrorResult, PageLoading } from '../../shared/components/common';
import { RegionTreeSelect } from '../../shared/components/RegionTreeSelect';
import { DepartmentSelect } from '../../shared/components/selects';
import {
  CITY_CODE,
  HANDLING_TYPES,
  ITEM_TYPES,
  MATERIAL_FORMS,
  MATERIAL_SOURCES,
  ONLINE_DEPTHS,
  REGION_LEVELS,
  RESULT_TYPES,
  SPECIAL_PROCEDURE_KINDS,
  type ItemGuide,
} from '../../shared/types';
import {
  OFFICE_KINDS,
  cleanResult,
  editorFieldPath,
  entriesProblem,
  entryOptions,
  officeOf,
  officeProblem,
  validYearsProblem,
  type OfficeDraft,
  type OfficeKind,
} from './itemGuideFields';

/** The guide as the catalog takes it (`PUT /api/items/{code}/draft`). */
type GuideBody = Body<'/api/items/{code}/draft', 'put'>['guide'];
/** The guide being edited: its type and department may still be empty (the server names them on saving). */
type EditorGuide = Omit<GuideBody, 'type' | 'departmentCode'> & Partial<Pick<GuideBody, 'type' | 'departmentCode'>>;

interface EditorValues {
  code?: string;
  basicCode?: string;
  businessCode?: string;
  regionCode?: string;
  guide: EditorGuide;
}

/** A material id the catalog accepts (`m1`, `m2` …) that is not yet used in this guide. */
function nextMaterialId(existing: { id?: string }[] | undefined): string {
  const used = new Set((existing ?? []).map((m) => m.id));
  let n = used.size + 1;
  while (used.has(`m${n}`)) n++;
  return `m${n}`;
}

const META_KEYS = [
  'code',
  'basicCode',
  'businessCode',
  'regionCode',
  'version',
  'status',
  'active',
  'typeLabel',
  'departmentName',
  'publishedAt',
  'delegations',
];

/** A guide with every field the catalog requires present, keeping any field this editor does not show. */
function normalise(g: Partial<ItemGuide> | Partial<EditorGuide> | undefined): EditorGuide {
  const base: Record<string, unknown> = { ...(g ?? {}) };
  for (const k of META_KEYS) delete base[k];
  return {
    ...(base as Partial<EditorGuide>),
    name: g?.name ?? '',
    type: g?.type,
    departmentCode: g?.departmentCode,
    implementingBody: g?.implementingBody ?? { name: '', nature: '' },
    serviceObjects: g?.serviceObjects ?? [],
    acceptAnywhere: g?.acceptAnywhere ?? false,
    legalBasis: g?.legalBasis ?? [],
    acceptanceConditions: g?.acceptanceConditions ?? [],
    materials: g?.materials ?? [],
    formFields: g?.formFields ?? [],
    fees: { charged: g?.fees?.charged ?? false, items: g?.fees?.items ?? [] },
    statutoryLimit: { days: g?.statutoryLimit?.days ?? 20, unit: 'working_day', note: g?.statutoryLimit?.note ?? '' },
    promisedLimit: { days: g?.promisedLimit?.days ?? 5, unit: 'working_day', note: g?.promisedLimit?.note ?? '' },
    handlingType: g?.handlingType ?? 'promised',
    visits: g?.visits ?? 1,
    onlineDepth: g?.onlineDepth ?? 3,
    hall: g?.hall ?? { name: '', address: '', hours: '' },
    contacts: g?.contacts ?? { consultPhone: '', complaintPhone: '' },
    process: g?.process ?? [],
    specialProcedures: g?.specialProcedures ?? [],
    result: g?.result ?? { name: '', type: 'certificate' },
    expressDelivery: g?.expressDelivery ?? false,
    onlinePayment: g?.onlinePayment ?? false,
    appointment: g?.appointment ?? false,
    keywords: g?.keywords ?? [],
    acceptLevels: g?.acceptLevels ?? [],
    decideLevel: g?.decideLevel ?? 'city',
  };
}

/** The body the catalog expects: the guide's own fields, with limits in working days. */
function toBody(g: EditorGuide): GuideBody {
  const n = normalise(g);
  // An empty type or department goes as it is: the server names the field on the form.
  const { office: draftOffice, ...body } = n.implementingBody ?? { name: '', nature: '' };
  const office = officeOf(draftOffice);
  return {
    ...n,
    implementingBody: { ...body, ...(office ? { office } : {}) },
    result: cleanResult(n.result),
    statutoryLimit: { ...n.statutoryLimit, unit: 'working_day', note: n.statutoryLimit.note ?? '' },
    promisedLimit: { ...n.promisedLimit, unit: 'working_day', note: n.promisedLimit.note ?? '' },
  } as GuideBody;
}

/** One form item in a grid column. */
function FieldCol({ xs, md, children, ...item }: { xs: number; md: number; children: ReactNode } & FormItemProps) {
  return (
    <Col xs={xs} md={md}>
      <Form.Item {...item}>{children}</Form.Item>
    </Col>
  );
}

function Section({ title, children, extra }: { title: ReactNode; children: ReactNode; extra?: ReactNode }) {
  return (
    <Card size="small" title={title} extra={extra} style={{ marginBottom: 16 }}>
      {children}
    </Card>
  );
}

/** 办理地的实施机关: none, a department of the deciding region by keyword, or its government. */
function OfficeInput({ value, onChange }: { value?: OfficeDraft; onChange?: (v: OfficeDraft) => void }) {
  const { t } = useI18n();
  const kind: OfficeKind = value?.kind ?? 'none';
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Select<OfficeKind>
        value={kind}
        onChange={(k) => onChange?.({ ...value, kind: k })}
        options={OFFICE_KINDS.map((k) => ({ value: k, label: t(`items.officeKind.${k}` as 'items.officeKind.none') }))}
        style={{ width: kind === 'department' ? '55%' : '100%' }}
        data-testid="item-office-kind"
      />
      {kind === 'department' && (
        <Input
          value={value?.keyword ?? ''}
          onChange={(e) => onChange?.({ ...value, kind, keyword: e.target.value })}
          placeholder={t('items.officeKeyword')}
          maxLength={30}
          style={{ width: '45%' }}
          data-testid="item-office-keyword"
        />
      )}
    </Space.Compact>
  );
}

/** 事项草稿编辑器: create an item or edit its draft; materials and other lists are Form.Lists. */
export default function ItemEditorPage() {
  const { code } = useParams();
  const isNew = !code;
  const { t, label } = useI18n();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<EditorValues>();
  const [loading, setLoading] = useState(!isNew);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [noDraft, setNoDraft] = useState(false);
  const [saving, setSaving] = useState(false);
  const charged = Form.useWatch(['guide', 'fees', 'charged'], form);
  // The form fields are not edited here but kept in the store: the certificate's entries choose from them.
  const formFields = Form.useWatch(['guide', 'formFields'], { form, preserve: true }) as unknown[] | undefined;
  const entries = Form.useWatch(['guide', 'result', 'entries'], form) as string[] | undefined;

  useEffect(() => {
    if (isNew) {
      form.setFieldsValue({ regionCode: CITY_CODE, guide: normalise(undefined) });
      return;
    }
    const ctrl = new AbortController();
    const enc = encodeURIComponent(code);
    (async () => {
      try {
        const draft = await api.get('/api/items/{code}/draft', {
          params: { path: { code: enc } },
          signal: ctrl.signal,
          silent: true,
        });
        form.setFieldsValue({ guide: normalise(draft) });
      } catch (err) {
        if (ctrl.signal.aborted) return;
        if (err instanceof ApiError && err.status === 404) {
          // No draft yet: start from the published guide; saving creates the draft.
          try {
            const published = await api.get('/api/items/{code}', {
              params: { path: { code: enc } },
              signal: ctrl.signal,
              silent: true,
            });
            form.setFieldsValue({ guide: normalise(published) });
            setNoDraft(true);
          } catch (err2) {
            if (err2 instanceof ApiError) setLoadError(err2);
          }
        } else if (err instanceof ApiError) setLoadError(err);
      } finally {
        if (!ctrl.signal.aborted) setLoading(false);
      }
    })();
    return () => ctrl.abort();
  }, [code, isNew, form]);

  const save = async (): Promise<boolean> => {
    setSaving(true);
    // The whole store, not only the registered fields: fields this editor does not show
    // (form fields, paper sizes …) go back unchanged.
    const v = form.getFieldsValue(true) as EditorValues;
    try {
      const guide = toBody(v.guide);
      if (isNew) {
        // Codes left empty go as they are: the server names each on the form.
        const body = {
          code: v.code?.trim(),
          basicCode: v.basicCode?.trim(),
          businessCode: v.businessCode?.trim(),
          regionCode: v.regionCode,
          guide,
        } as Body<'/api/items'>;
        await api.post('/api/items', {
          body,
          form,
        });
        void message.success(t('items.draftSaved'));
        navigate(`/admin/items/${encodeURIComponent(v.code?.trim() ?? '')}/edit`, { replace: true });
      } else {
        await api.put('/api/items/{code}/draft', { params: { path: { code } }, body: { guide }, form });
        void message.success(t('items.draftSaved'));
        setNoDraft(false);
      }
      return true;
    } catch {
      return false;
    } finally {
      setSaving(false);
    }
  };

  const saveAndPublish = async () => {
    if (!code) return;
    try {
      await form.validateFields();
      if (!(await save())) return;
      await api.post('/api/items/{code}/publish', { params: { path: { code } } });
      void message.success(t('items.published'));
      navigate('/admin/items');
    } catch (err) {
      // validation errors shown on the form, API errors by the client; a refused publish names guide
      // fields (the implementing body that cannot be resolved): shown next to them as well
      if (err instanceof ApiError) applyFieldErrors(form, err.problem.errors, editorFieldPath);
    }
  };

  if (loading) return <PageLoading />;
  if (loadError) return <ErrorResult error={loadError} />;

  const req = (field: string) => ({ required: true, message: t('common.required', { field }) });
  const sel = (field: string) => ({ required: true, message: t('common.selectRequired', { field }) });
  const removeBtn = (onClick: () => void) => (
    <Button type="text" danger icon={<DeleteOutlined />} onClick={onClick} aria-label={t('common.delete')} />
  );

  return (
    <div>
      <div className="page-title">
        <h2>{isNew ? t('items.createTitle') : t('items.editorTitle', { code })}</h2>
        <Space wrap>
          <Button onClick={() => navigate('/admin/items')}>{t('common.back')}</Button>
          <Button
            type="primary"
            icon={<SaveOutlined />}
            loading={saving}
            onClick={() => form.submit()}
            data-testid="item-save"
          >
            {t('common.save')}
          </Button>
          {!isNew && (
            <Popconfirm
              title={t('items.publishConfirm')}
              okText={t('common.ok')}
              cancelText={t('common.cancel')}
              onConfirm={() => void saveAndPublish()}
            >
              <Button icon={<SendOutlined />} data-testid="item-editor-publish">
                {t('items.publish')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      </div>
      {noDraft && <Alert type="info" showIcon title={t('items.noDraft')} style={{ marginBottom: 16 }} />}

      <Form<EditorValues>
        form={form}
        layout="vertical"
        onFinish={() => void save()}
        scrollToFirstError
        data-testid="item-editor"
      >
        <Section title={t('items.sectionBasic')}>
          {isNew && (
            <Row gutter={16}>
              <FieldCol xs={24} md={6} name="code" label={t('guide.itemCode')} rules={[req(t('guide.itemCode'))]}>
                <Input data-testid="item-code" maxLength={64} />
              </FieldCol>
              <FieldCol
                xs={24}
                md={6}
                name="basicCode"
                label={t('items.basicCode')}
                rules={[req(t('items.basicCode'))]}
              >
                <Input maxLength={64} data-testid="item-basic-code" />
              </FieldCol>
              <FieldCol
                xs={24}
                md={6}
                name="businessCode"
                label={t('items.businessCode')}
                rules={[req(t('items.businessCode'))]}
              >
                <Input maxLength={64} data-testid="item-business-code" />
              </FieldCol>
              <FieldCol xs={24} md={6} name="regionCode" label={t('common.region')} rules={[sel(t('common.region'))]}>
                <RegionTreeSelect />
              </FieldCol>
            </Row>
          )}
          <Row gutter={16}>
            <FieldCol
              xs={24}
              md={12}
              name={['guide', 'name']}
              label={t('common.name')}
              rules={[{ ...req(t('common.name')), whitespace: true }]}
            >
              <Input maxLength={200} data-testid="item-name" />
            </FieldCol>
            <FieldCol
              xs={24}
              md={6}
              name={['guide', 'type']}
              label={t('guide.itemType')}
              rules={[sel(t('guide.itemType'))]}
            >
              <Select
                options={ITEM_TYPES.map((c) => ({ value: c, label: label('itemType', c) }))}
                data-testid="item-type"
              />
            </FieldCol>
            <FieldCol
              xs={24}
              md={6}
              name={['guide', 'departmentCode']}
              label={t('portal.departmentFilter')}
              rules={[sel(t('portal.departmentFilter'))]}
            >
              <DepartmentSelect regionCode={CITY_CODE} valueField="code" />
            </FieldCol>
            <FieldCol
              xs={24}
              md={6}
              name={['guide', 'decideLevel']}
              label={t('guide.decideLevel')}
              rules={[sel(t('guide.decideLevel'))]}
            >
              <Select options={REGION_LEVELS.map((l) => ({ value: l, label: label('level', l) }))} />
            </FieldCol>
            <FieldCol
              xs={24}
              md={10}
              name={['guide', 'acceptLevels']}
              label={t('guide.acceptLevels')}
              rules={[{ ...sel(t('guide.acceptLevels')), type: 'array', min: 1 }]}
            >
              <Select mode="multiple" options={REGION_LEVELS.map((l) => ({ value: l, label: label('level', l) }))} />
            </FieldCol>
            <FieldCol
              xs={24}
              md={8}
              name={['guide', 'implementingBody', 'name']}
              label={t('guide.implementingBody')}
              rules={[req(t('guide.implementingBody'))]}
            >
              <Input maxLength={200} />
            </FieldCol>
            <FieldCol
              xs={12}
              md={4}
              name={['guide', 'implementingBody', 'nature']}
              label={t('guide.bodyNature')}
              rules={[req(t('guide.bodyNature'))]}
            >
              <Input maxLength={50} />
            </FieldCol>
            <FieldCol
              xs={24}
              md={12}
              name={['guide', 'implementingBody', 'office']}
              label={t('items.office')}
              extra={t('items.officeHelp')}
              rules={[
                {
                  validator: (_, v: OfficeDraft | undefined) => {
                    const problem = officeProblem(v);
                    return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
                  },
                },
              ]}
            >
              <OfficeInput />
            </FieldCol>
            <FieldCol
              xs={24}
              md={8}
              name={['guide', 'serviceObjects']}
              label={t('guide.serviceObjects')}
              rules={[{ ...sel(t('guide.serviceObjects')), type: 'array', min: 1 }]}
            >
              <Select mode="tags" tokenSeparators={[',', '，', '、']} />
            </FieldCol>
            <FieldCol xs={24} md={12} name={['guide', 'keywords']} label={t('guide.keywords')}>
              <Select mode="tags" tokenSeparators={[',', '，', '、']} />
            </FieldCol>
            <FieldCol
              xs={12}
              md={4}
              name={['guide', 'result', 'name']}
              label={t('guide.resultName')}
              rules={[req(t('guide.resultName'))]}
            >
              <Input maxLength={100} />
            </FieldCol>
            <FieldCol
              xs={12}
              md={4}
              name={['guide', 'result', 'type']}
              label={t('guide.resultType')}
              rules={[sel(t('guide.resultType'))]}
            >
              <Select options={RESULT_TYPES.map((c) => ({ value: c, label: label('resultType', c) }))} />
            </FieldCol>
            <FieldCol
              xs={12}
              md={4}
              name={['guide', 'result', 'validYears']}
              label={t('items.validYears')}
              extra={t('items.validYearsHelp')}
              dependencies={[['guide', 'result', 'type']]}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, v: unknown) => {
                    const problem = validYearsProblem(v, getFieldValue(['guide', 'result', 'type']) as string);
                    return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
                  },
                }),
              ]}
            >
              <InputNumber
                min={1}
                max={100}
                precision={0}
                style={{ width: '100%' }}
                placeholder={t('items.validYearsPlaceholder')}
                suffix={t('items.years')}
                data-testid="item-valid-years"
              />
            </FieldCol>
            <FieldCol
              xs={24}
              md={12}
              name={['guide', 'result', 'entries']}
              label={t('items.entries')}
              extra={t('items.entriesHelp')}
              rules={[
                {
                  validator: (_, v: string[] | undefined) => {
                    const problem = entriesProblem(v, formFields);
                    return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
                  },
                },
              ]}
            >
              <Select
                mode="multiple"
                allowClear
                maxCount={20}
                optionFilterProp="label"
                notFoundContent={t('items.entriesNoFields')}
                options={entryOptions(formFields, entries)}
                data-testid="item-result-entries"
              />
            </FieldCol>
          </Row>
        </Section>

        <Section title={t('items.sectionLimits')}>
          <Row gutter={16}>
            <FieldCol
              xs={12}
              md={4}
              name={['guide', 'statutoryLimit', 'days']}
              label={t('guide.statutoryLimit')}
              rules={[req(t('guide.statutoryLimit'))]}
            >
              <InputNumber min={0} max={3650} style={{ width: '100%' }} suffix={t('items.days')} />
            </FieldCol>
            <FieldCol xs={12} md={8} name={['guide', 'statutoryLimit', 'note']} label={t('items.limitNote')}>
              <Input maxLength={200} />
            </FieldCol>
            <Col xs={12} md={4}>
              <Form.Item
                name={['guide', 'promisedLimit', 'days']}
                label={t('guide.promisedLimit')}
                dependencies={[['guide', 'statutoryLimit', 'days']]}
                rules={[req(t('guide.promisedLimit'))]}
              >
                <InputNumber
                  min={0}
                  max={3650}
                  style={{ width: '100%' }}
                  suffix={t('items.days')}
                  data-testid="item-promised-days"
                />
              </Form.Item>
            </Col>
            <FieldCol xs={12} md={8} name={['guide', 'promisedLimit', 'note']} label={t('items.limitNote')}>
              <Input maxLength={200} />
            </FieldCol>
            <FieldCol
              xs={12}
              md={6}
              name={['guide', 'handlingType']}
              label={t('guide.handlingType')}
              rules={[sel(t('guide.handlingType'))]}
            >
              <Select options={HANDLING_TYPES.map((h) => ({ value: h, label: label('handling', h) }))} />
            </FieldCol>
            <FieldCol
              xs={12}
              md={6}
              name={['guide', 'visits']}
              label={t('guide.visits')}
              rules={[req(t('guide.visits'))]}
            >
              <InputNumber min={0} max={5} style={{ width: '100%' }} />
            </FieldCol>
            <FieldCol
              xs={12}
              md={6}
              name={['guide', 'onlineDepth']}
              label={t('guide.onlineDepth')}
              rules={[sel(t('guide.onlineDepth'))]}
            >
              <Select options={ONLINE_DEPTHS.map((d) => ({ value: d, label: label('onlineDepth', String(d)) }))} />
            </FieldCol>
            {(['acceptAnywhere', 'expressDelivery', 'onlinePayment', 'appointment'] as const).map((k) => (
              <Col xs={12} md={6} key={k}>
                <Form.Item name={['guide', k]} label={t(`guide.${k}`)} valuePropName="checked">
                  <Switch />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </Section>

        <Form.List name={['guide', 'legalBasis']}>
          {(fields, { add, remove }) => (
            <Section
              title={t('items.sectionBasis')}
              extra={
                <Button size="small" icon={<PlusOutlined />} onClick={() => add({ title: '', article: '' })}>
                  {t('items.addBasis')}
                </Button>
              }
            >
              {fields.map((f) => (
                <Row gutter={8} key={f.key} align="top">
                  <FieldCol xs={24} md={14} name={[f.name, 'title']} rules={[req(t('items.basisTitle'))]}>
                    <Input placeholder={t('items.basisTitle')} />
                  </FieldCol>
                  <FieldCol xs={20} md={8} name={[f.name, 'article']}>
                    <Input placeholder={t('items.basisArticle')} />
                  </FieldCol>
                  <Col xs={4} md={2}>
                    {removeBtn(() => remove(f.name))}
                  </Col>
                </Row>
              ))}
            </Section>
          )}
        </Form.List>

        <Form.List name={['guide', 'acceptanceConditions']}>
          {(fields, { add, remove }) => (
            <Section
              title={t('items.sectionConditions')}
              extra={
                <Button size="small" icon={<PlusOutlined />} onClick={() => add('')}>
                  {t('items.addCondition')}
                </Button>
              }
            >
              {fields.map((f, i) => (
                <Row gutter={8} key={f.key} align="top">
                  <Col flex="none" style={{ paddingTop: 5 }}>
                    {i + 1}.
                  </Col>
                  <Col flex="auto">
                    <Form.Item name={f.name} rules={[req(t('items.condition'))]}>
                      <Input.TextArea autoSize placeholder={t('items.condition')} />
                    </Form.Item>
                  </Col>
                  <Col flex="none">{removeBtn(() => remove(f.name))}</Col>
                </Row>
              ))}
            </Section>
          )}
        </Form.List>

        <Form.List name={['guide', 'materials']}>
          {(fields, { add, remove, move }) => (
            <Section
              title={t('items.sectionMaterials')}
              extra={
                <Button
                  size="small"
                  icon={<PlusOutlined />}
                  data-testid="item-add-material"
                  onClick={() =>
                    add({
                      id: nextMaterialId(form.getFieldValue(['guide', 'materials']) as { id?: string }[] | undefined),
                      name: '',
                      required: true,
                      form: 'original',
                      copies: 1,
                      source: 'applicant',
                      toleranceAllowed: false,
                    })
                  }
                >
                  {t('items.addMaterial')}
                </Button>
              }
            >
              {fields.map((f, i) => (
                <div key={f.key} data-testid="item-material-row">
                  {i > 0 && <Divider style={{ margin: '4px 0 12px' }} />}
                  <Form.Item name={[f.name, 'id']} hidden>
                    <Input />
                  </Form.Item>
                  <Row gutter={8} align="top">
                    <FieldCol
                      xs={24}
                      md={8}
                      name={[f.name, 'name']}
                      label={`${i + 1}. ${t('guide.materialName')}`}
                      rules={[{ ...req(t('guide.materialName')), whitespace: true }]}
                    >
                      <Input />
                    </FieldCol>
                    <FieldCol
                      xs={12}
                      md={4}
                      name={[f.name, 'form']}
                      label={t('guide.form')}
                      rules={[sel(t('guide.form'))]}
                    >
                      <Select options={MATERIAL_FORMS.map((c) => ({ value: c, label: label('materialForm', c) }))} />
                    </FieldCol>
                    <FieldCol xs={12} md={3} name={[f.name, 'copies']} label={t('guide.copies')}>
                      <InputNumber min={0} max={99} style={{ width: '100%' }} />
                    </FieldCol>
                    <FieldCol
                      xs={24}
                      md={5}
                      name={[f.name, 'source']}
                      label={t('guide.source')}
                      rules={[sel(t('guide.source'))]}
                    >
                      <Select
                        options={MATERIAL_SOURCES.map((c) => ({ value: c, label: label('materialSource', c) }))}
                      />
                    </FieldCol>
                    <FieldCol
                      xs={8}
                      md={2}
                      name={[f.name, 'required']}
                      label={t('guide.required')}
                      valuePropName="checked"
                    >
                      <Switch />
                    </FieldCol>
                    <FieldCol
                      xs={8}
                      md={2}
                      name={[f.name, 'toleranceAllowed']}
                      label={t('guide.tolerance')}
                      valuePropName="checked"
                    >
                      <Switch />
                    </FieldCol>
                    <FieldCol xs={24} md={20} name={[f.name, 'notes']} label={t('guide.notes')}>
                      <Input.TextArea autoSize />
                    </FieldCol>
                    <Col xs={24} md={4} style={{ paddingTop: 30 }}>
                      <Space size={0}>
                        <Button type="text" disabled={i === 0} onClick={() => move(i, i - 1)}>
                          ↑
                        </Button>
                        <Button type="text" disabled={i === fields.length - 1} onClick={() => move(i, i + 1)}>
                          ↓
                        </Button>
                        {removeBtn(() => remove(f.name))}
                      </Space>
                    </Col>
                  </Row>
                </div>
              ))}
            </Section>
          )}
        </Form.List>

        <Section title={t('items.sectionFees')}>
          <Form.Item name={['guide', 'fees', 'charged']} label={t('items.charged')} valuePropName="checked">
            <Switch />
          </Form.Item>
          {charged && (
            <Form.List name={['guide', 'fees', 'items']}>
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Row gutter={8} key={f.key}>
                      <FieldCol xs={24} md={8} name={[f.name, 'name']} rules={[req(t('guide.feeName'))]}>
                        <Input placeholder={t('guide.feeName')} />
                      </FieldCol>
                      <FieldCol xs={10} md={4} name={[f.name, 'amount']} rules={[req(t('guide.feeAmount'))]}>
                        <Input placeholder={t('guide.feeAmount')} />
                      </FieldCol>
                      <FieldCol xs={10} md={10} name={[f.name, 'basis']}>
                        <Input placeholder={t('guide.feeBasis')} />
                      </FieldCol>
                      <Col xs={4} md={2}>
                        {removeBtn(() => remove(f.name))}
                      </Col>
                    </Row>
                  ))}
                  <Button size="small" icon={<PlusOutlined />} onClick={() => add({ name: '', amount: '', basis: '' })}>
                    {t('items.addFee')}
                  </Button>
                </>
              )}
            </Form.List>
          )}
        </Section>

        <Form.List name={['guide', 'process']}>
          {(fields, { add, remove }) => (
            <Section
              title={t('items.sectionProcess')}
              extra={
                <Button
                  size="small"
                  icon={<PlusOutlined />}
                  onClick={() => add({ step: '', description: '', limitDays: 0 })}
                >
                  {t('items.addStep')}
                </Button>
              }
            >
              {fields.map((f, i) => (
                <Row gutter={8} key={f.key}>
                  <FieldCol xs={24} md={5} name={[f.name, 'step']} rules={[req(t('items.stepName'))]}>
                    <Input prefix={`${i + 1}.`} placeholder={t('items.stepName')} />
                  </FieldCol>
                  <FieldCol xs={24} md={13} name={[f.name, 'description']}>
                    <Input.TextArea autoSize placeholder={t('items.stepDescription')} />
                  </FieldCol>
                  <FieldCol xs={20} md={4} name={[f.name, 'limitDays']}>
                    <InputNumber
                      min={0}
                      max={3650}
                      style={{ width: '100%' }}
                      placeholder={t('items.stepLimitDays')}
                      suffix={t('items.days')}
                    />
                  </FieldCol>
                  <Col xs={4} md={2}>
                    {removeBtn(() => remove(f.name))}
                  </Col>
                </Row>
              ))}
            </Section>
          )}
        </Form.List>

        <Form.List name={['guide', 'specialProcedures']}>
          {(fields, { add, remove }) => (
            <Section
              title={t('items.sectionSpecial')}
              extra={
                <Button
                  size="small"
                  icon={<PlusOutlined />}
                  onClick={() => add({ kind: 'site_inspection', name: '', maxDays: 0 })}
                >
                  {t('items.addSpecial')}
                </Button>
              }
            >
              {fields.map((f) => (
                <Row gutter={8} key={f.key}>
                  <FieldCol xs={12} md={6} name={[f.name, 'kind']} rules={[sel(t('items.specialKind'))]}>
                    <Select
                      placeholder={t('items.specialKind')}
                      options={SPECIAL_PROCEDURE_KINDS.map((c) => ({ value: c, label: label('specialKind', c) }))}
                    />
                  </FieldCol>
                  <FieldCol xs={12} md={10} name={[f.name, 'name']} rules={[req(t('items.specialName'))]}>
                    <Input placeholder={t('items.specialName')} />
                  </FieldCol>
                  <FieldCol xs={20} md={6} name={[f.name, 'maxDays']}>
                    <InputNumber min={0} max={3650} style={{ width: '100%' }} placeholder={t('items.specialMaxDays')} />
                  </FieldCol>
                  <Col xs={4} md={2}>
                    {removeBtn(() => remove(f.name))}
                  </Col>
                </Row>
              ))}
            </Section>
          )}
        </Form.List>

        <Section title={t('items.sectionHall')}>
          <Row gutter={16}>
            {(
              [
                [24, 8, ['hall', 'name'], t('guide.hall')],
                [24, 10, ['hall', 'address'], t('common.address')],
                [24, 6, ['hall', 'hours'], t('common.hours')],
                [12, 8, ['contacts', 'consultPhone'], t('guide.consultPhone')],
                [12, 8, ['contacts', 'complaintPhone'], t('guide.complaintPhone')],
              ] as const
            ).map(([xs, md, path, text]) => (
              <FieldCol key={path.join('.')} xs={xs} md={md} name={['guide', ...path]} label={text}>
                <Input />
              </FieldCol>
            ))}
          </Row>
        </Section>
      </Form>
    </div>
  );
}
