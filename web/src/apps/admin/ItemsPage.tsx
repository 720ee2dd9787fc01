import { Button, DatePicker, Drawer, Form, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { App as AntApp } from 'antd';
import { api, type QueryOf } from '../../shared/client';
import { useI18n } from '../../shared/i18n';
import { useDebounced, useFetch, usePagedList } from '../../shared/components/hooks';
import { ActiveToggle, ErrorResult, formatDateTime } from '../../shared/components/common';
import { RegionTreeSelect } from '../../shared/components/RegionTreeSelect';
import {
  FormModal,
  ListToolbar,
  PageHeader,
  PagedListTable,
  useRequiredRules,
  useSaving,
  useToggleActive,
} from '../../shared/components/ListPage';
import { REGION_LEVELS, type AdminItem, type ItemVersion, type RegionLevel } from '../../shared/types';

const STATUS_COLORS: Record<string, string> = {
  draft: 'orange',
  published: 'green',
  inactive: 'default',
  unpublished: 'orange',
  superseded: 'default',
};

interface DelegationForm {
  fromLevel: RegionLevel;
  toLevel: RegionLevel;
  regionCode: string;
  basis: string;
  effectiveDate: Dayjs;
  note?: string;
}

function VersionsDrawer({ code, onClose }: { code: string | null; onClose: () => void }) {
  const { t, label } = useI18n();
  const versions = useFetch<ItemVersion[]>(
    code ? (signal) => api.get('/api/items/{code}/versions', { params: { path: { code } }, signal }) : null,
    [code],
  );
  const rows = versions.data ?? [];
  return (
    <Drawer
      open={code !== null}
      title={`${t('items.versions')} · ${code ?? ''}`}
      onClose={onClose}
      size={560}
      destroyOnHidden
    >
      {versions.error ? (
        <ErrorResult error={versions.error} onRetry={versions.reload} />
      ) : (
        <Table<ItemVersion>
          rowKey="version"
          size="small"
          loading={versions.loading}
          dataSource={rows}
          pagination={false}
          data-testid="item-versions"
          columns={[
            { title: t('items.versionNo'), dataIndex: 'version', key: 'v', width: 70 },
            { title: t('common.name'), dataIndex: 'name', key: 'name' },
            {
              title: t('items.status'),
              dataIndex: 'status',
              key: 'status',
              width: 90,
              render: (s: string) => <Tag color={STATUS_COLORS[s] ?? 'default'}>{label('items.status', s)}</Tag>,
            },
            {
              title: t('items.publishedAt'),
              key: 'at',
              width: 140,
              render: (_, r) => formatDateTime(r.publishedAt ?? r.createdAt),
            },
            { title: t('items.publishedBy'), dataIndex: 'publishedBy', key: 'by', width: 100 },
          ]}
        />
      )}
    </Drawer>
  );
}

/** 事项: the catalogue as the administrator sees it: drafts, publishing, versions, delegations. */
export default function ItemsPage() {
  const { t, label } = useI18n();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<QueryOf<'/api/admin/items'>['status']>();
  const dq = useDebounced(q);
  const list = usePagedList('/api/admin/items', { q: dq, status });
  const [versionsOf, setVersionsOf] = useState<string | null>(null);
  const [delegating, setDelegating] = useState<AdminItem | null>(null);
  const [delegationForm] = Form.useForm<DelegationForm>();
  const [saving, runSave] = useSaving();
  const toggle = useToggleActive(list.reload);
  const rules = useRequiredRules();
  const levelOptions = REGION_LEVELS.map((l) => ({ value: l, label: label('level', l) }));

  const publish = async (code: string) => {
    await api.post('/api/items/{code}/publish', { params: { path: { code } } });
    void message.success(t('items.published'));
    list.reload();
  };

  const saveDelegation = async (v: DelegationForm) => {
    if (!delegating) return;
    await runSave(async () => {
      await api.post('/api/items/{code}/delegations', {
        params: { path: { code: delegating.code } },
        body: {
          ...v,
          basis: v.basis.trim(),
          effectiveDate: v.effectiveDate.format('YYYY-MM-DD'),
          note: v.note?.trim() || undefined,
        },
        form: delegationForm,
      });
      void message.success(t('items.delegationOk'));
      setDelegating(null);
    });
  };

  const columns: ColumnsType<AdminItem> = [
    {
      title: t('common.code'),
      dataIndex: 'code',
      key: 'code',
      width: 150,
      render: (c: string) => <Link to={`/items/${encodeURIComponent(c)}`}>{c}</Link>,
    },
    { title: t('common.name'), dataIndex: 'name', key: 'name', width: 260 },
    {
      title: t('guide.itemType'),
      key: 'type',
      width: 110,
      responsive: ['lg'],
      render: (_, r) => r.typeLabel || label('itemType', r.type),
    },
    { title: t('common.department'), dataIndex: 'departmentCode', key: 'dept', width: 120, responsive: ['xl'] },
    {
      title: t('items.status'),
      key: 'status',
      width: 150,
      render: (_, r) => (
        <Space size={2} wrap>
          {!r.active ? (
            <Tag>{label('items.status', 'inactive')}</Tag>
          ) : r.currentVersion !== null ? (
            <Tag color="green">{label('items.status', 'published')}</Tag>
          ) : (
            <Tag color="orange">{label('items.status', 'unpublished')}</Tag>
          )}
          {r.draftVersion !== null && <Tag color="orange">{t('items.hasDraft')}</Tag>}
        </Space>
      ),
    },
    { title: t('items.currentVersion'), dataIndex: 'currentVersion', key: 'version', width: 90 },
    {
      title: t('items.updatedAt'),
      dataIndex: 'updatedAt',
      key: 'updatedAt',
      width: 140,
      responsive: ['lg'],
      render: (v: string | undefined) => formatDateTime(v),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 330,
      fixed: 'right',
      render: (_, r) => {
        const active = r.active;
        return (
          <Space size={0} wrap>
            <Button
              type="link"
              size="small"
              onClick={() => navigate(`/admin/items/${encodeURIComponent(r.code)}/edit`)}
              data-testid={`item-edit-${r.code}`}
            >
              {t('items.editDraft')}
            </Button>
            {r.draftVersion !== null && (
              <Popconfirm
                title={t('items.publishConfirm')}
                okText={t('common.ok')}
                cancelText={t('common.cancel')}
                onConfirm={() => publish(r.code).catch(() => undefined)}
              >
                <Button type="link" size="small" data-testid={`item-publish-${r.code}`}>
                  {t('items.publish')}
                </Button>
              </Popconfirm>
            )}
            <Button
              type="link"
              size="small"
              onClick={() => setVersionsOf(r.code)}
              data-testid={`item-versions-${r.code}`}
            >
              {t('items.versions')}
            </Button>
            <Button
              type="link"
              size="small"
              onClick={() => {
                delegationForm.resetFields();
                setDelegating(r);
              }}
              data-testid={`item-delegate-${r.code}`}
            >
              {t('items.delegation')}
            </Button>
            <ActiveToggle
              active={active}
              name={r.name}
              testId={`item-toggle-${r.code}`}
              onToggle={toggle('/api/items/{code}', r.code)}
            />
          </Space>
        );
      },
    },
  ];

  return (
    <div>
      <PageHeader
        title={t('items.title')}
        create={{ label: t('items.create'), onClick: () => navigate('/admin/items/new'), testId: 'item-create' }}
      />
      <ListToolbar testPrefix="item" q={q} onQ={setQ} placeholder={t('items.searchPlaceholder')}>
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('items.status')}
          value={status}
          onChange={setStatus}
          options={['published', 'draft', 'unpublished', 'inactive'].map((s) => ({
            value: s,
            label: label('items.status', s),
          }))}
          data-testid="item-status-filter"
        />
      </ListToolbar>
      <PagedListTable<AdminItem> list={list} rowKey="code" columns={columns} scroll={{ x: 1420 }} testId="item-table" />

      <VersionsDrawer code={versionsOf} onClose={() => setVersionsOf(null)} />

      <FormModal
        open={delegating !== null}
        title={`${t('items.delegation')}${delegating ? ` · ${delegating.name}` : ''}`}
        onCancel={() => setDelegating(null)}
        onSave={() => delegationForm.submit()}
        saving={saving}
      >
        <Form form={delegationForm} layout="vertical" onFinish={saveDelegation} data-testid="delegation-form">
          <Space.Compact block>
            <Form.Item
              name="fromLevel"
              label={t('items.fromLevel')}
              style={{ flex: 1 }}
              rules={[rules.selectRequired(t('items.fromLevel'))]}
            >
              <Select options={levelOptions} />
            </Form.Item>
            <Form.Item
              name="toLevel"
              label={t('items.toLevel')}
              style={{ flex: 1, marginLeft: 8 }}
              dependencies={['fromLevel']}
              rules={[rules.selectRequired(t('items.toLevel'))]}
            >
              <Select options={levelOptions} />
            </Form.Item>
          </Space.Compact>
          <Form.Item
            name="regionCode"
            label={t('items.delegationRegion')}
            rules={[rules.selectRequired(t('items.delegationRegion'))]}
          >
            <RegionTreeSelect />
          </Form.Item>
          <Form.Item name="basis" label={t('items.basis')} rules={[rules.required(t('items.basis'))]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            name="effectiveDate"
            label={t('items.effectiveDate')}
            rules={[rules.selectRequired(t('items.effectiveDate'))]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="note" label={t('common.note')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </FormModal>
    </div>
  );
}
