import { Button, Checkbox, Drawer, Form, Input, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { App as AntApp } from 'antd';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { useDebounced, usePagedList } from '../../shared/components/hooks';
import { ActiveTag, ActiveToggle, ErrorResult } from '../../shared/components/common';
import { RegionTreeSelect } from '../../shared/components/RegionTreeSelect';
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
  const [kind, setKind] = useState<string | undefined>();
  const [includeInactive, setIncludeInactive] = useState(true);
  const dq = useDebounced(q);
  const list = usePagedList<Department>('/api/departments', { q: dq, regionCode, kind, includeInactive });

  const [editing, setEditing] = useState<Department | 'new' | null>(null);
  const [form] = Form.useForm<DeptForm>();
  const formRegion = Form.useWatch('regionCode', form);
  const [saving, setSaving] = useState(false);

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

  const save = async (v: DeptForm) => {
    setSaving(true);
    const body = {
      ...v,
      shortName: v.shortName?.trim() || null,
      parentId: v.parentId || null,
      creditCode: v.creditCode?.trim().toUpperCase() || null,
    };
    try {
      if (editing === 'new') await api.post('/api/departments', body, { form });
      else if (editing) {
        const { code: _code, ...patch } = body;
        await api.patch(`/api/departments/${editing.id}`, patch, { form });
      }
      void message.success(t('common.saved'));
      setEditing(null);
      list.reload();
    } catch {
      /* shown */
    } finally {
      setSaving(false);
    }
  };

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
    { title: t('common.kind'), dataIndex: 'kind', key: 'kind', width: 130, render: (k: string) => <Tag>{label('deptKind', k)}</Tag> },
    { title: t('common.region'), key: 'region', width: 140, render: (_, d) => d.regionName ?? d.regionCode },
    { title: t('dept.creditCode'), dataIndex: 'creditCode', key: 'creditCode', width: 190, responsive: ['xl'] },
    { title: t('common.status'), dataIndex: 'active', key: 'active', width: 90, render: (a: boolean) => <ActiveTag active={a} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      render: (_, d) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => open(d)} data-testid={`dept-edit-${d.code}`}>
            {t('common.edit')}
          </Button>
          <ActiveToggle
            active={d.active}
            name={d.name}
            testId={`dept-toggle-${d.code}`}
            onToggle={async (activate) => {
              await api.post(`/api/departments/${d.id}/${activate ? 'activate' : 'deactivate'}`);
              void message.success(t('common.done'));
              list.reload();
            }}
          />
        </Space>
      ),
    },
  ];

  return (
    <div>
      <div className="page-title">
        <h2>{t('dept.title')}</h2>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} data-testid="dept-create">
          {t('dept.create')}
        </Button>
      </div>
      <div className="toolbar">
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('dept.searchPlaceholder')}
          style={{ width: 240 }}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          data-testid="dept-search"
        />
        <RegionTreeSelect value={regionCode} onChange={setRegionCode} style={{ width: 220 }} testId="dept-region-filter" />
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('common.kind')}
          value={kind}
          onChange={setKind}
          options={DEPARTMENT_KINDS.map((k) => ({ value: k, label: label('deptKind', k) }))}
        />
        <Checkbox checked={includeInactive} onChange={(e) => setIncludeInactive(e.target.checked)}>
          {t('common.includeInactive')}
        </Checkbox>
      </div>
      {list.error ? (
        <ErrorResult error={list.error} onRetry={list.reload} />
      ) : (
        <Table<Department>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          pagination={list.pagination}
          scroll={{ x: 900 }}
          data-testid="dept-table"
        />
      )}

      <Drawer
        open={editing !== null}
        title={editing === 'new' ? t('dept.create') : t('dept.edit')}
        onClose={() => setEditing(null)}
        size={480}
        destroyOnHidden
        forceRender
        extra={
          <Space>
            <Button onClick={() => setEditing(null)}>{t('common.cancel')}</Button>
            <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="dept-save">
              {t('common.save')}
            </Button>
          </Space>
        }
      >
        <Form form={form} layout="vertical" onFinish={save} data-testid="dept-form">
          <Form.Item
            name="code"
            label={t('common.code')}
            rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('common.code') }) }]}
          >
            <Input disabled={editing !== 'new'} maxLength={32} data-testid="dept-code" />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('common.name')}
            rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('common.name') }) }]}
          >
            <Input maxLength={100} data-testid="dept-name" />
          </Form.Item>
          <Form.Item name="shortName" label={t('dept.shortName')}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="regionCode" label={t('common.region')} rules={[{ required: true, message: t('common.selectRequired', { field: t('common.region') }) }]}>
            <RegionTreeSelect testId="dept-region" />
          </Form.Item>
          <Form.Item name="kind" label={t('common.kind')} rules={[{ required: true, message: t('common.selectRequired', { field: t('common.kind') }) }]}>
            <Select options={DEPARTMENT_KINDS.map((k) => ({ value: k, label: label('deptKind', k) }))} data-testid="dept-kind" />
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
        </Form>
      </Drawer>
    </div>
  );
}
