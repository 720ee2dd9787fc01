import { Checkbox, Form, Input, Select, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { App as AntApp } from 'antd';
import { api } from '../../shared/client';
import { useI18n } from '../../shared/i18n';
import { useDebounced, usePagedList } from '../../shared/components/hooks';
import {
  actionsColumn,
  CodeNameItems,
  EditDrawer,
  EditToggleActions,
  ListToolbar,
  PageHeader,
  PagedListTable,
  RegionItem,
  statusColumn,
  useRequiredRules,
  useSaving,
  useToggleActive,
} from '../../shared/components/ListPage';
import { DepartmentSelect } from '../../shared/components/selects';
import { isValidCreditCode } from '../../shared/validators';
import { DEPARTMENT_KINDS, type Department, type DepartmentKind } from '../../shared/types';

interface DeptForm {
  code: string;
  name: string;
  shortName?: string;
  regionCode: string;
  kind: DepartmentKind;
  parentId?: string;
  creditCode?: string;
}

/** 部门: searchable, paged table; create / edit in a drawer; (de)activate. */
export default function DepartmentsPage() {
  const { t, label } = useI18n();
  const { message } = AntApp.useApp();
  const [q, setQ] = useState('');
  const [regionCode, setRegionCode] = useState<string | undefined>();
  const [kind, setKind] = useState<DepartmentKind | undefined>();
  const [includeInactive, setIncludeInactive] = useState(true);
  const dq = useDebounced(q);
  const list = usePagedList('/api/departments', {
    q: dq,
    regionCode,
    kind,
    includeInactive: includeInactive ? 'true' : 'false',
  });

  const [editing, setEditing] = useState<Department | 'new' | null>(null);
  const [form] = Form.useForm<DeptForm>();
  const formRegion = Form.useWatch('regionCode', form);
  const [saving, runSave] = useSaving();
  const toggle = useToggleActive(list.reload);
  const rules = useRequiredRules();
  const kindOptions = DEPARTMENT_KINDS.map((k) => ({ value: k, label: label('deptKind', k) }));

  const open = (d: Department | 'new') => {
    form.resetFields();
    if (d !== 'new')
      form.setFieldsValue({
        code: d.code,
        name: d.name,
        shortName: d.shortName ?? undefined,
        regionCode: d.regionCode,
        kind: d.kind,
        parentId: d.parentId ?? undefined,
        creditCode: d.creditCode ?? undefined,
      });
    else form.setFieldsValue({ regionCode: regionCode, kind: 'department' });
    setEditing(d);
  };

  const save = (v: DeptForm) =>
    runSave(async () => {
      const body = {
        ...v,
        shortName: v.shortName?.trim() || null,
        parentId: v.parentId || null,
        creditCode: v.creditCode?.trim().toUpperCase() || null,
      };
      if (editing === 'new') await api.post('/api/departments', { body, form });
      else if (editing) {
        const { code: _code, ...patch } = body;
        await api.patch('/api/departments/{id}', { params: { path: { id: editing.id } }, body: patch, form });
      }
      void message.success(t('common.saved'));
      setEditing(null);
      list.reload();
    });

  const columns: ColumnsType<Department> = [
    { title: t('common.code'), dataIndex: 'code', key: 'code', width: 120 },
    {
      title: t('common.name'),
      dataIndex: 'name',
      key: 'name',
      render: (n: string, d) => (
        <span>
          {n}
          {d.shortName && <span style={{ color: '#999' }}>（{d.shortName}）</span>}
        </span>
      ),
    },
    {
      title: t('common.kind'),
      dataIndex: 'kind',
      key: 'kind',
      width: 130,
      render: (k: string) => <Tag>{label('deptKind', k)}</Tag>,
    },
    { title: t('common.region'), key: 'region', width: 140, render: (_, d) => d.regionName ?? d.regionCode },
    { title: t('dept.creditCode'), dataIndex: 'creditCode', key: 'creditCode', width: 190, responsive: ['xl'] },
    statusColumn(t('common.status')),
    actionsColumn(t('common.actions'), 150, (d) => (
      <EditToggleActions
        name={d.name}
        active={d.active}
        onEdit={() => open(d)}
        onToggle={toggle('/api/departments/{id}', d.id)}
        testPrefix="dept"
        testSuffix={d.code}
      />
    )),
  ];

  return (
    <div>
      <PageHeader
        title={t('dept.title')}
        create={{ label: t('dept.create'), onClick: () => open('new'), testId: 'dept-create' }}
      />
      <ListToolbar
        testPrefix="dept"
        q={q}
        onQ={setQ}
        placeholder={t('dept.searchPlaceholder')}
        regionCode={regionCode}
        onRegion={setRegionCode}
      >
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('common.kind')}
          value={kind}
          onChange={setKind}
          options={kindOptions}
        />
        <Checkbox checked={includeInactive} onChange={(e) => setIncludeInactive(e.target.checked)}>
          {t('common.includeInactive')}
        </Checkbox>
      </ListToolbar>
      <PagedListTable<Department> list={list} columns={columns} scroll={{ x: 900 }} testId="dept-table" />

      <EditDrawer
        editing={editing}
        titles={[t('dept.create'), t('dept.edit')]}
        onClose={() => setEditing(null)}
        form={form}
        onFinish={save}
        saving={saving}
        testPrefix="dept"
      >
        <CodeNameItems isNew={editing === 'new'} testPrefix="dept" />
        <Form.Item name="shortName" label={t('dept.shortName')}>
          <Input maxLength={50} />
        </Form.Item>
        <RegionItem testId="dept-region" />
        <Form.Item name="kind" label={t('common.kind')} rules={[rules.selectRequired(t('common.kind'))]}>
          <Select options={kindOptions} data-testid="dept-kind" />
        </Form.Item>
        <Form.Item name="parentId" label={t('dept.parent')}>
          <DepartmentSelect regionCode={formRegion} />
        </Form.Item>
        <Form.Item
          name="creditCode"
          label={t('dept.creditCode')}
          rules={[
            {
              validator: (_, v: string | undefined) =>
                !v || isValidCreditCode(v) ? Promise.resolve() : Promise.reject(new Error(t('auth.creditCodeInvalid'))),
            },
          ]}
        >
          <Input maxLength={18} />
        </Form.Item>
      </EditDrawer>
    </div>
  );
}
