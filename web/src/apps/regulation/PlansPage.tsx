import { Empty, Form, Input, InputNumber, Select, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, type Body } from '../../shared/client';
import { useAuth } from '../../shared/auth';
import { useI18n } from '../../shared/i18n';
import { useDebounced, usePagedList } from '../../shared/components/hooks';
import {
  EditDrawer,
  ListToolbar,
  PageHeader,
  PagedListTable,
  useRequiredRules,
  useSaving,
} from '../../shared/components/ListPage';
import { formatDateTime } from '../../shared/components/common';
import { RegionTreeSelect } from '../../shared/components/RegionTreeSelect';
import { ItemSelect } from '../../shared/components/ItemSelect';
import { DepartmentSelect } from '../../shared/components/selects';
import type { PlanStatus, PlanSummary } from './types';

export const PLAN_COLOURS: Record<PlanStatus, string> = { draft: 'default', drawn: 'blue', published: 'green' };

interface PlanValues {
  name?: string;
  departmentCode?: string;
  targetRegionCode?: string;
  itemCode?: string;
  targetCount?: number;
  inspectorsPerTarget?: number;
}

/** 双随机抽查计划: the department's plans; a new plan names its scope, then is drawn on its own page. */
export default function PlansPage() {
  const { t } = useI18n();
  const { user, hasRole } = useAuth();
  const navigate = useNavigate();
  const rules = useRequiredRules();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<PlanStatus | undefined>();
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<PlanValues>();
  const [saving, run] = useSaving();
  const search = useDebounced(q.trim());
  const list = usePagedList('/api/regulation/plans', { q: search, status });
  const isAdmin = hasRole('admin');

  return (
    <div data-testid="reg-plans-page">
      <PageHeader
        title={t('reg.menu.plans')}
        create={{ label: t('reg.plans.new'), onClick: () => setEditing(true), testId: 'reg-plan-new' }}
      />
      <ListToolbar testPrefix="reg-plans" q={q} onQ={setQ} placeholder={t('reg.plans.search')}>
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('reg.allStatuses')}
          value={status}
          onChange={setStatus}
          data-testid="reg-plans-status"
          options={(['draft', 'drawn', 'published'] as const).map((s) => ({
            value: s,
            label: t(`reg.plan.status.${s}`),
          }))}
        />
      </ListToolbar>
      <PagedListTable<PlanSummary>
        list={list}
        testId="reg-plans-table"
        onRow={(r) => ({ 'data-testid': `reg-plan-row`, 'data-status': r.status }) as object}
        locale={{ emptyText: <Empty data-testid="reg-plans-empty" description={t('reg.plans.empty')} /> }}
        columns={[
          {
            title: t('reg.plans.name'),
            key: 'name',
            render: (_, r) => (
              <Link to={`/regulation/plans/${r.id}`} data-testid={`reg-plan-link`}>
                {r.name}
              </Link>
            ),
          },
          { title: t('reg.plans.department'), dataIndex: 'departmentName', key: 'dept' },
          { title: t('reg.plans.count'), dataIndex: 'targetCount', key: 'count' },
          { title: t('reg.plans.perTarget'), dataIndex: 'inspectorsPerTarget', key: 'per' },
          {
            title: t('reg.status'),
            key: 'status',
            render: (_, r) => <Tag color={PLAN_COLOURS[r.status]}>{r.statusLabel}</Tag>,
          },
          { title: t('reg.plans.createdAt'), key: 'created', render: (_, r) => formatDateTime(r.createdAt) },
        ]}
      />
      <EditDrawer<PlanValues>
        editing={editing ? 'new' : null}
        titles={[t('reg.plans.new'), t('reg.plans.new')]}
        testPrefix="reg-plan"
        form={form}
        saving={saving}
        onClose={() => setEditing(false)}
        onFinish={(v) =>
          run(async () => {
            const body = {
              name: v.name,
              targetRegionCode: v.targetRegionCode,
              itemCodes: v.itemCode ? [v.itemCode] : [],
              targetCount: v.targetCount,
              inspectorsPerTarget: v.inspectorsPerTarget,
              ...(isAdmin ? { departmentCode: v.departmentCode } : {}),
            };
            // A field left empty goes as it is: the server names it on the form.
            const plan = await api.post('/api/regulation/plans', { body: body as Body<'/api/regulation/plans'>, form });
            setEditing(false);
            navigate(`/regulation/plans/${plan.id}`);
          })
        }
      >
        <Form.Item name="name" label={t('reg.plans.name')} rules={[rules.required(t('reg.plans.name')), { max: 100 }]}>
          <Input data-testid="reg-plan-name" />
        </Form.Item>
        {isAdmin && (
          <Form.Item
            name="departmentCode"
            label={t('reg.plans.department')}
            rules={[rules.selectRequired(t('reg.plans.department'))]}
          >
            <DepartmentSelect
              regionCode={user?.scope.regionCode ?? undefined}
              valueField="code"
              data-testid="reg-plan-department"
            />
          </Form.Item>
        )}
        <Form.Item
          name="targetRegionCode"
          label={t('reg.plans.region')}
          initialValue={user?.scope.regionCode ?? undefined}
          rules={[rules.selectRequired(t('reg.plans.region'))]}
        >
          <RegionTreeSelect testId="reg-plan-region" allowClear={false} />
        </Form.Item>
        <Form.Item name="itemCode" label={t('reg.plans.items')}>
          <ItemSelect testId="reg-plan-item" />
        </Form.Item>
        <Form.Item
          name="targetCount"
          label={t('reg.plans.count')}
          initialValue={5}
          rules={[{ required: true, message: t('common.required', { field: t('reg.plans.count') }) }]}
        >
          <InputNumber min={1} max={500} precision={0} style={{ width: '100%' }} data-testid="reg-plan-count" />
        </Form.Item>
        <Form.Item
          name="inspectorsPerTarget"
          label={t('reg.plans.perTarget')}
          initialValue={2}
          rules={[{ required: true, message: t('common.required', { field: t('reg.plans.perTarget') }) }]}
        >
          <InputNumber min={2} max={10} precision={0} style={{ width: '100%' }} data-testid="reg-plan-per-target" />
        </Form.Item>
      </EditDrawer>
    </div>
  );
}
