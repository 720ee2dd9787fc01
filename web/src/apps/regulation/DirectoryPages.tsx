import { App as AntApp, Button, Empty, Form, Input, Popconfirm, Select, Tag, type ButtonProps } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/client';
import { useAuth } from '../../shared/auth';
import { useI18n } from '../../shared/i18n';
import { useDebounced, usePagedList } from '../../shared/components/hooks';
import {
  FormModal,
  ListToolbar,
  PageHeader,
  PagedListTable,
  useRequiredRules,
  useSaving,
} from '../../shared/components/ListPage';
import { ActiveTag, formatDateTime } from '../../shared/components/common';
import { RegionTreeSelect } from '../../shared/components/RegionTreeSelect';
import { ItemSelect } from '../../shared/components/ItemSelect';
import { DepartmentSelect } from '../../shared/components/selects';
import type { Assignment, Entity, Inspector } from './types';

/** 检查对象名录库: entities licensed here (from granted cases) and before (存量); persons' names masked by the server. */
export function EntitiesPage() {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [region, setRegion] = useState<string | undefined>();
  const search = useDebounced(q.trim());
  const list = usePagedList('/api/regulation/entities', { q: search, regionCode: region });
  return (
    <div data-testid="reg-entities-page">
      <PageHeader title={t('reg.menu.entities')} />
      <ListToolbar
        testPrefix="reg-entities"
        q={q}
        onQ={setQ}
        placeholder={t('reg.entities.search')}
        regionCode={region}
        onRegion={setRegion}
      />
      <PagedListTable<Entity>
        list={list}
        testId="reg-entities-table"
        locale={{ emptyText: <Empty data-testid="reg-entities-empty" description={t('reg.entities.empty')} /> }}
        columns={[
          { title: t('reg.entity'), dataIndex: 'name', key: 'name' },
          { title: t('reg.creditCode'), key: 'code', render: (_, r) => r.creditCode ?? '—' },
          { title: t('reg.item'), dataIndex: 'itemName', key: 'item' },
          { title: t('reg.licence'), key: 'licence', render: (_, r) => r.licenceNumber ?? '—' },
          { title: t('common.region'), dataIndex: 'regionCode', key: 'region' },
          {
            title: t('reg.entities.source'),
            key: 'source',
            render: (_, r) => (
              <Tag color={r.source === 'grant' ? 'blue' : 'default'}>{t(`reg.entities.source.${r.source}`)}</Tag>
            ),
          },
        ]}
      />
    </div>
  );
}

// Required fields are typed as present: validateFields resolves only once the form's rules hold.
interface InspectorValues {
  username: string;
  certificateNumber: string;
  residenceRegionCode?: string;
  conflicts?: string[];
}

/** 执法检查人员名录库: staff of regulator departments with their certificates; the admin adds people. */
export function InspectorsPage() {
  const { t } = useI18n();
  const { hasRole } = useAuth();
  const { message } = AntApp.useApp();
  const rules = useRequiredRules();
  const [q, setQ] = useState('');
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<InspectorValues>();
  const [saving, run] = useSaving();
  const search = useDebounced(q.trim());
  const list = usePagedList('/api/regulation/inspectors', { q: search });
  const save = async () => {
    let v: InspectorValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    await run(async () => {
      await api.post('/api/regulation/inspectors', {
        body: {
          username: v.username,
          certificateNumber: v.certificateNumber,
          residenceRegionCode: v.residenceRegionCode ?? null,
          conflicts: v.conflicts ?? [],
        },
        form,
      });
      void message.success(t('common.done'));
      setAdding(false);
      list.reload();
    });
  };
  return (
    <div data-testid="reg-inspectors-page">
      <PageHeader
        title={t('reg.menu.inspectors')}
        {...(hasRole('admin')
          ? { create: { label: t('reg.inspectors.add'), onClick: () => setAdding(true), testId: 'reg-inspector-add' } }
          : {})}
      />
      <ListToolbar testPrefix="reg-inspectors" q={q} onQ={setQ} placeholder={t('reg.inspectors.search')} />
      <PagedListTable<Inspector>
        list={list}
        rowKey="accountId"
        testId="reg-inspectors-table"
        locale={{ emptyText: <Empty data-testid="reg-inspectors-empty" description={t('reg.inspectors.empty')} /> }}
        columns={[
          { title: t('common.name'), dataIndex: 'name', key: 'name' },
          { title: t('reg.plans.department'), dataIndex: 'departmentName', key: 'dept' },
          { title: t('reg.inspectors.certificate'), dataIndex: 'certificateNumber', key: 'cert' },
          { title: t('reg.inspectors.residence'), key: 'res', render: (_, r) => r.residenceRegionCode ?? '—' },
          {
            title: t('reg.inspectors.conflicts'),
            key: 'conflicts',
            render: (_, r) => (r.conflicts.length ? r.conflicts.join('、') : '—'),
          },
          { title: t('common.status'), key: 'active', render: (_, r) => <ActiveTag active={r.active} /> },
        ]}
      />
      <FormModal
        open={adding}
        title={t('reg.inspectors.add')}
        onCancel={() => setAdding(false)}
        onSave={() => void save()}
        saving={saving}
      >
        <Form<InspectorValues> form={form} layout="vertical" data-testid="reg-inspector-form">
          <Form.Item
            name="username"
            label={t('reg.inspectors.username')}
            rules={[rules.required(t('reg.inspectors.username'))]}
          >
            <Input data-testid="reg-inspector-username" />
          </Form.Item>
          <Form.Item
            name="certificateNumber"
            label={t('reg.inspectors.certificate')}
            rules={[rules.required(t('reg.inspectors.certificate'))]}
          >
            <Input data-testid="reg-inspector-certificate" />
          </Form.Item>
          <Form.Item name="residenceRegionCode" label={t('reg.inspectors.residence')}>
            <RegionTreeSelect testId="reg-inspector-residence" />
          </Form.Item>
          <Form.Item name="conflicts" label={t('reg.inspectors.conflicts')}>
            <Select mode="tags" open={false} data-testid="reg-inspector-conflicts" />
          </Form.Item>
        </Form>
      </FormModal>
    </div>
  );
}

// Required fields are typed as present: validateFields resolves only once the form's rules hold.
interface AssignmentValues {
  itemCode: string;
  regionCode: string;
  departmentCode: string;
}

/** 监管事项配置: item → regulator department per region; the admin maintains it (every change audited). */
export function AssignmentsPage() {
  const { t } = useI18n();
  const { user, hasRole } = useAuth();
  const { message } = AntApp.useApp();
  const rules = useRequiredRules();
  const [q, setQ] = useState('');
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<AssignmentValues>();
  const [saving, run] = useSaving();
  const search = useDebounced(q.trim());
  const list = usePagedList('/api/regulation/assignments', { q: search });
  const admin = hasRole('admin');
  const regionCode = Form.useWatch('regionCode', form);
  const save = async () => {
    let v: AssignmentValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    await run(async () => {
      const r = await api.post('/api/regulation/assignments', { body: v, form });
      void message.success(t('reg.assignments.assigned', { n: r.assignedPushes }));
      setAdding(false);
      list.reload();
    });
  };
  const remove = (a: Assignment) =>
    run(async () => {
      await api.del('/api/regulation/assignments/{id}', { params: { path: { id: a.id } } });
      void message.success(t('common.done'));
      list.reload();
    });
  return (
    <div data-testid="reg-assignments-page">
      <PageHeader
        title={t('reg.menu.assignments')}
        {...(admin
          ? {
              create: { label: t('reg.assignments.new'), onClick: () => setAdding(true), testId: 'reg-assignment-new' },
            }
          : {})}
      />
      <ListToolbar testPrefix="reg-assignments" q={q} onQ={setQ} placeholder={t('reg.assignments.search')} />
      <PagedListTable<Assignment>
        list={list}
        testId="reg-assignments-table"
        locale={{ emptyText: <Empty data-testid="reg-assignments-empty" description={t('reg.assignments.empty')} /> }}
        columns={[
          { title: t('reg.assignments.itemCode'), key: 'item', render: (_, r) => `${r.itemName}（${r.itemCode}）` },
          { title: t('reg.assignments.region'), dataIndex: 'regionCode', key: 'region' },
          { title: t('reg.assignments.department'), dataIndex: 'departmentName', key: 'dept' },
          {
            title: t('reg.plans.createdAt'),
            key: 'updated',
            render: (_, r) => `${formatDateTime(r.updatedAt)} ${r.updatedBy}`,
          },
          ...(admin
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, r: Assignment) => (
                    <Popconfirm
                      title={t('reg.assignments.deleteConfirm')}
                      okText={t('common.ok')}
                      cancelText={t('common.cancel')}
                      onConfirm={() => remove(r)}
                      okButtonProps={{ danger: true, 'data-testid': 'reg-assignment-delete-confirm' } as ButtonProps}
                    >
                      <Button
                        type="link"
                        size="small"
                        danger
                        data-testid={`reg-assignment-delete-${r.itemCode}-${r.regionCode}`}
                      >
                        {t('common.delete')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      <FormModal
        open={adding}
        title={t('reg.assignments.new')}
        onCancel={() => setAdding(false)}
        onSave={() => void save()}
        saving={saving}
      >
        <Form<AssignmentValues>
          form={form}
          layout="vertical"
          initialValues={{ regionCode: user?.scope.regionCode ?? undefined }}
          data-testid="reg-assignment-form"
        >
          <Form.Item
            name="itemCode"
            label={t('reg.assignments.itemCode')}
            rules={[rules.selectRequired(t('reg.assignments.itemCode'))]}
          >
            <ItemSelect testId="reg-assignment-item" />
          </Form.Item>
          <Form.Item
            name="regionCode"
            label={t('reg.assignments.region')}
            rules={[rules.selectRequired(t('reg.assignments.region'))]}
          >
            <RegionTreeSelect testId="reg-assignment-region" allowClear={false} />
          </Form.Item>
          <Form.Item
            name="departmentCode"
            label={t('reg.assignments.department')}
            rules={[rules.selectRequired(t('reg.assignments.department'))]}
          >
            <DepartmentSelect regionCode={regionCode} valueField="code" data-testid="reg-assignment-department" />
          </Form.Item>
        </Form>
      </FormModal>
    </div>
  );
}
