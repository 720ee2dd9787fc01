import { Button, Drawer, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { App as AntApp } from 'antd';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { useDebounced, usePagedList } from '../../shared/components/hooks';
import { ActiveTag, ActiveToggle, ErrorResult, formatDateTime } from '../../shared/components/common';
import { RegionTreeSelect } from '../../shared/components/RegionTreeSelect';
import { DepartmentSelect, HallSelect, WindowSelect } from '../../shared/components/selects';
import { isStrongPassword, PHONE_RE, USERNAME_RE } from '../../shared/validators';
import { STAFF_ROLES, staffScope, type Role, type Staff } from '../../shared/types';

interface StaffForm {
  username: string;
  name: string;
  password?: string;
  roles: Role[];
  regionCode: string;
  departmentId?: string;
  hallId?: string;
  windowId?: string;
  phone?: string;
}

/** 人员: staff accounts with roles and a data scope (region subtree, department, hall, window). */
export default function StaffPage() {
  const { t, label } = useI18n();
  const { message } = AntApp.useApp();
  const [q, setQ] = useState('');
  const [regionCode, setRegionCode] = useState<string | undefined>();
  const [role, setRole] = useState<string | undefined>();
  const dq = useDebounced(q);
  const list = usePagedList<Staff>('/api/staff', { q: dq, regionCode, role });

  const [editing, setEditing] = useState<Staff | 'new' | null>(null);
  const [form] = Form.useForm<StaffForm>();
  const formRegion = Form.useWatch('regionCode', form);
  const formHall = Form.useWatch('hallId', form);
  const [resetting, setResetting] = useState<Staff | null>(null);
  const [resetForm] = Form.useForm<{ password: string }>();
  const [saving, setSaving] = useState(false);

  const open = (s: Staff | 'new') => {
    form.resetFields();
    if (s !== 'new') {
      const sc = staffScope(s);
      form.setFieldsValue({
        username: s.username,
        name: s.name,
        roles: s.roles,
        regionCode: sc.regionCode ?? undefined,
        departmentId: sc.departmentId ?? undefined,
        hallId: sc.hallId ?? undefined,
        windowId: sc.windowId ?? undefined,
      });
    }
    else form.setFieldsValue({ regionCode, roles: [] });
    setEditing(s);
  };

  const save = async (v: StaffForm) => {
    setSaving(true);
    const scope = {
      name: v.name.trim(),
      roles: v.roles,
      regionCode: v.regionCode,
      departmentId: v.departmentId || null,
      hallId: v.hallId || null,
      windowId: v.windowId || null,
    };
    try {
      if (editing === 'new') {
        await api.post('/api/staff', { ...scope, username: v.username.trim(), password: v.password, phone: v.phone?.trim() || null }, { form });
      } else if (editing) {
        await api.patch(`/api/staff/${editing.id}`, { ...scope, ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}) }, { form });
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

  const resetPassword = async (v: { password: string }) => {
    if (!resetting) return;
    setSaving(true);
    try {
      await api.post(`/api/staff/${resetting.id}/reset-password`, { password: v.password }, { form: resetForm });
      void message.success(t('staff.resetOk'));
      setResetting(null);
    } catch {
      /* shown */
    } finally {
      setSaving(false);
    }
  };

  const passwordRules = [
    { required: true, message: t('common.required', { field: t('auth.password') }) },
    {
      validator: (_: unknown, v: string | undefined) =>
        !v || isStrongPassword(v) ? Promise.resolve() : Promise.reject(new Error(t('auth.passwordRule'))),
    },
  ];

  const columns: ColumnsType<Staff> = [
    { title: t('staff.username'), dataIndex: 'username', key: 'username', width: 130 },
    { title: t('staff.name'), dataIndex: 'name', key: 'name', width: 110 },
    {
      title: t('staff.roles'),
      dataIndex: 'roles',
      key: 'roles',
      width: 170,
      render: (roles: Role[]) => (
        <Space size={[0, 4]} wrap>
          {roles.map((r) => (
            <Tag key={r} color={r === 'admin' ? 'red' : 'blue'}>
              {label('role', r)}
            </Tag>
          ))}
        </Space>
      ),
    },
    { title: t('common.region'), key: 'region', width: 120, render: (_, s) => staffScope(s).regionName ?? staffScope(s).regionCode },
    { title: t('common.department'), key: 'dept', width: 200, responsive: ['lg'], render: (_, s) => staffScope(s).departmentName },
    { title: t('common.hall'), key: 'hall', width: 180, responsive: ['xl'], render: (_, s) => staffScope(s).hallName },
    { title: t('common.phone'), dataIndex: 'phoneMasked', key: 'phone', width: 120, responsive: ['xl'] },
    {
      title: t('staff.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      key: 'last',
      width: 140,
      responsive: ['lg'],
      render: (v: string | null) => (v ? formatDateTime(v) : t('common.never')),
    },
    { title: t('common.status'), dataIndex: 'active', key: 'active', width: 90, render: (a: boolean) => <ActiveTag active={a} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 210,
      fixed: 'right',
      render: (_, s) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => open(s)} data-testid={`staff-edit-${s.username}`}>
            {t('common.edit')}
          </Button>
          <Button
            type="link"
            size="small"
            onClick={() => {
              resetForm.resetFields();
              setResetting(s);
            }}
            data-testid={`staff-reset-${s.username}`}
          >
            {t('staff.resetPassword')}
          </Button>
          <ActiveToggle
            active={s.active}
            name={s.name}
            testId={`staff-toggle-${s.username}`}
            onToggle={async (activate) => {
              await api.post(`/api/staff/${s.id}/${activate ? 'activate' : 'deactivate'}`);
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
        <h2>{t('staff.title')}</h2>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} data-testid="staff-create">
          {t('staff.create')}
        </Button>
      </div>
      <div className="toolbar">
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('staff.searchPlaceholder')}
          style={{ width: 220 }}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          data-testid="staff-search"
        />
        <RegionTreeSelect value={regionCode} onChange={setRegionCode} style={{ width: 220 }} testId="staff-region-filter" />
        <Select
          allowClear
          style={{ width: 150 }}
          placeholder={t('staff.roleFilter')}
          value={role}
          onChange={setRole}
          options={STAFF_ROLES.map((r) => ({ value: r, label: label('role', r) }))}
          data-testid="staff-role-filter"
        />
      </div>
      {list.error ? (
        <ErrorResult error={list.error} onRetry={list.reload} />
      ) : (
        <Table<Staff>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          pagination={list.pagination}
          scroll={{ x: 1450 }}
          data-testid="staff-table"
        />
      )}

      <Drawer
        open={editing !== null}
        title={editing === 'new' ? t('staff.create') : t('staff.edit')}
        onClose={() => setEditing(null)}
        size={480}
        destroyOnHidden
        forceRender
        extra={
          <Space>
            <Button onClick={() => setEditing(null)}>{t('common.cancel')}</Button>
            <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="staff-save">
              {t('common.save')}
            </Button>
          </Space>
        }
      >
        <Form form={form} layout="vertical" onFinish={save} data-testid="staff-form">
          <Form.Item
            name="username"
            label={t('staff.username')}
            rules={[
              { required: true, message: t('common.required', { field: t('staff.username') }) },
              { pattern: USERNAME_RE, message: t('auth.usernameRule') },
            ]}
          >
            <Input disabled={editing !== 'new'} data-testid="staff-username" autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('staff.name')}
            rules={[
              { required: true, whitespace: true, message: t('common.required', { field: t('staff.name') }) },
              { min: 2, message: t('auth.nameRule') },
            ]}
          >
            <Input maxLength={50} data-testid="staff-name" />
          </Form.Item>
          {editing === 'new' && (
            <Form.Item name="password" label={t('staff.password')} rules={passwordRules}>
              <Input.Password data-testid="staff-password" autoComplete="new-password" />
            </Form.Item>
          )}
          <Form.Item
            name="roles"
            label={t('staff.roles')}
            rules={[{ required: true, type: 'array', min: 1, message: t('common.selectRequired', { field: t('staff.roles') }) }]}
          >
            <Select mode="multiple" options={STAFF_ROLES.map((r) => ({ value: r, label: label('role', r) }))} data-testid="staff-roles" />
          </Form.Item>
          <Form.Item name="regionCode" label={t('common.region')} rules={[{ required: true, message: t('common.selectRequired', { field: t('common.region') }) }]}>
            <RegionTreeSelect
              testId="staff-region"
              onChange={(code) => {
                form.setFieldsValue({ regionCode: code, departmentId: undefined, hallId: undefined, windowId: undefined });
              }}
            />
          </Form.Item>
          <Form.Item name="departmentId" label={t('common.department')}>
            <DepartmentSelect regionCode={formRegion} testId="staff-department" />
          </Form.Item>
          <Form.Item name="hallId" label={t('common.hall')}>
            <HallSelect
              regionCode={formRegion}
              testId="staff-hall"
              onChange={(id) => form.setFieldsValue({ hallId: id, windowId: undefined })}
            />
          </Form.Item>
          <Form.Item name="windowId" label={t('common.window')}>
            <WindowSelect hallId={formHall} testId="staff-window" />
          </Form.Item>
          <Form.Item name="phone" label={t('auth.phone')} rules={[{ pattern: PHONE_RE, message: t('auth.phoneInvalid') }]}>
            <Input maxLength={11} inputMode="numeric" placeholder={editing !== 'new' && editing ? (editing.phoneMasked ?? '') : ''} />
          </Form.Item>
        </Form>
      </Drawer>

      <Modal
        open={resetting !== null}
        title={`${t('staff.resetPassword')}${resetting ? ` · ${resetting.name}` : ''}`}
        onCancel={() => setResetting(null)}
        onOk={() => resetForm.submit()}
        confirmLoading={saving}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        destroyOnHidden
        forceRender
      >
        <Form form={resetForm} layout="vertical" onFinish={resetPassword}>
          <Form.Item name="password" label={t('staff.newPassword')} rules={passwordRules}>
            <Input.Password data-testid="staff-new-password" autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
