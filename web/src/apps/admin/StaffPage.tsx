import { Button, Form, Input, Select, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { App as AntApp } from 'antd';
import { api } from '../../shared/client';
import { useI18n } from '../../shared/i18n';
import { useDebounced, usePagedList } from '../../shared/components/hooks';
import { formatDateTime } from '../../shared/components/common';
import {
  actionsColumn,
  EditDrawer,
  FormModal,
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
import { DepartmentSelect, HallSelect, WindowSelect } from '../../shared/components/selects';
import { isStrongPassword, PHONE_RE, USERNAME_RE } from '../../shared/validators';
import { STAFF_ROLES, type Staff } from '../../shared/types';

type StaffRole = (typeof STAFF_ROLES)[number];

interface StaffForm {
  username: string;
  name: string;
  /** Required when the account is new (the field is shown only then). */
  password?: string;
  roles: StaffRole[];
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
  const [role, setRole] = useState<StaffRole | undefined>();
  const dq = useDebounced(q);
  const list = usePagedList('/api/staff', { q: dq, regionCode, role });

  const [editing, setEditing] = useState<Staff | 'new' | null>(null);
  const [form] = Form.useForm<StaffForm>();
  const formRegion = Form.useWatch('regionCode', form);
  const formHall = Form.useWatch('hallId', form);
  const [resetting, setResetting] = useState<Staff | null>(null);
  const [resetForm] = Form.useForm<{ password: string }>();
  const [saving, runSave] = useSaving();
  const toggle = useToggleActive(list.reload);
  const rules = useRequiredRules();
  const roleOptions = STAFF_ROLES.map((r) => ({ value: r, label: label('role', r) }));

  const open = (s: Staff | 'new') => {
    form.resetFields();
    if (s !== 'new') {
      const sc = s.scope;
      form.setFieldsValue({
        username: s.username,
        name: s.name,
        roles: s.roles.filter((r): r is StaffRole => r !== 'applicant'),
        regionCode: sc.regionCode ?? undefined,
        departmentId: sc.departmentId ?? undefined,
        hallId: sc.hallId ?? undefined,
        windowId: sc.windowId ?? undefined,
      });
    } else form.setFieldsValue({ regionCode, roles: [] });
    setEditing(s);
  };

  const save = (v: StaffForm) =>
    runSave(async () => {
      const scope = {
        name: v.name.trim(),
        roles: v.roles,
        regionCode: v.regionCode,
        departmentId: v.departmentId || null,
        hallId: v.hallId || null,
        windowId: v.windowId || null,
      };
      if (editing === 'new') {
        await api.post('/api/staff', {
          body: { ...scope, username: v.username.trim(), password: v.password ?? '', phone: v.phone?.trim() || null },
          form,
        });
      } else if (editing) {
        await api.patch('/api/staff/{id}', {
          params: { path: { id: editing.id } },
          body: { ...scope, ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}) },
          form,
        });
      }
      void message.success(t('common.saved'));
      setEditing(null);
      list.reload();
    });

  const resetPassword = async (v: { password: string }) => {
    if (!resetting) return;
    await runSave(async () => {
      await api.post('/api/staff/{id}/reset-password', {
        params: { path: { id: resetting.id } },
        body: { password: v.password },
        form: resetForm,
      });
      void message.success(t('staff.resetOk'));
      setResetting(null);
    });
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
      render: (roles: Staff['roles']) => (
        <Space size={[0, 4]} wrap>
          {roles.map((r) => (
            <Tag key={r} color={r === 'admin' ? 'red' : 'blue'}>
              {label('role', r)}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('common.region'),
      key: 'region',
      width: 120,
      render: (_, s) => s.scope.regionName ?? s.scope.regionCode,
    },
    {
      title: t('common.department'),
      key: 'dept',
      width: 200,
      responsive: ['lg'],
      render: (_, s) => s.scope.departmentName,
    },
    { title: t('common.hall'), key: 'hall', width: 180, responsive: ['xl'], render: (_, s) => s.scope.hallName },
    { title: t('common.phone'), dataIndex: 'phoneMasked', key: 'phone', width: 120, responsive: ['xl'] },
    {
      title: t('staff.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      key: 'last',
      width: 140,
      responsive: ['lg'],
      render: (v: string | null) => (v ? formatDateTime(v) : t('common.never')),
    },
    statusColumn(t('common.status')),
    actionsColumn(
      t('common.actions'),
      210,
      (s) => (
        <EditToggleActions
          name={s.name}
          active={s.active}
          onEdit={() => open(s)}
          onToggle={toggle('/api/staff/{id}', s.id)}
          testPrefix="staff"
          testSuffix={s.username}
        >
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
        </EditToggleActions>
      ),
      { fixed: 'right' },
    ),
  ];

  return (
    <div>
      <PageHeader
        title={t('staff.title')}
        create={{ label: t('staff.create'), onClick: () => open('new'), testId: 'staff-create' }}
      />
      <ListToolbar
        testPrefix="staff"
        q={q}
        onQ={setQ}
        placeholder={t('staff.searchPlaceholder')}
        searchWidth={220}
        regionCode={regionCode}
        onRegion={setRegionCode}
      >
        <Select
          allowClear
          style={{ width: 150 }}
          placeholder={t('staff.roleFilter')}
          value={role}
          onChange={setRole}
          options={roleOptions}
          data-testid="staff-role-filter"
        />
      </ListToolbar>
      <PagedListTable<Staff> list={list} columns={columns} scroll={{ x: 1450 }} testId="staff-table" />

      <EditDrawer
        editing={editing}
        titles={[t('staff.create'), t('staff.edit')]}
        onClose={() => setEditing(null)}
        form={form}
        onFinish={save}
        saving={saving}
        testPrefix="staff"
      >
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
          rules={[rules.required(t('staff.name')), { min: 2, message: t('auth.nameRule') }]}
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
          rules={[
            { required: true, type: 'array', min: 1, message: t('common.selectRequired', { field: t('staff.roles') }) },
          ]}
        >
          <Select mode="multiple" options={roleOptions} data-testid="staff-roles" />
        </Form.Item>
        <RegionItem
          testId="staff-region"
          onChange={(code) => {
            form.setFieldsValue({ regionCode: code, departmentId: undefined, hallId: undefined, windowId: undefined });
          }}
        />
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
        <Form.Item
          name="phone"
          label={t('auth.phone')}
          rules={[{ pattern: PHONE_RE, message: t('auth.phoneInvalid') }]}
        >
          <Input
            maxLength={11}
            inputMode="numeric"
            placeholder={editing !== 'new' && editing ? (editing.phoneMasked ?? '') : ''}
          />
        </Form.Item>
      </EditDrawer>

      <FormModal
        open={resetting !== null}
        title={`${t('staff.resetPassword')}${resetting ? ` · ${resetting.name}` : ''}`}
        onCancel={() => setResetting(null)}
        onSave={() => resetForm.submit()}
        saving={saving}
      >
        <Form form={resetForm} layout="vertical" onFinish={resetPassword}>
          <Form.Item name="password" label={t('staff.newPassword')} rules={passwordRules}>
            <Input.Password data-testid="staff-new-password" autoComplete="new-password" />
          </Form.Item>
        </Form>
      </FormModal>
    </div>
  );
}
