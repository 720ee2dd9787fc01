import { App as AntApp, Empty, Space, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { api } from '../../shared/client';
import { fetchBundle, type BundleSummary } from '../../shared/bundles';
import { useI18n } from '../../shared/i18n';
import { ActiveToggle } from '../../shared/components/common';
import { usePagedList } from '../../shared/components/hooks';
import {
  actionsColumn,
  PageHeader,
  PagedListTable,
  RowEditButton,
  statusColumn,
} from '../../shared/components/ListPage';
import { BundleEditor, type BundleConfig } from './BundleEditor';

/** 一件事主题: every bundle (inactive ones too); create and edit in a drawer; deactivate / activate again after a confirmation. */
export default function BundlesPage() {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const list = usePagedList('/api/bundles', { includeInactive: true });
  const [editing, setEditing] = useState<BundleConfig | 'new' | null>(null);

  /** The whole configuration (shared fields are not in the list). */
  const detail = (code: string) => fetchBundle(code, {});

  const edit = (b: BundleSummary) =>
    detail(b.code)
      .then(setEditing)
      .catch(() => undefined);

  const toggle = (b: BundleSummary) => async (activate: boolean) => {
    if (activate) {
      const d = await detail(b.code);
      await api.put('/api/bundles/{code}', {
        params: { path: { code: b.code } },
        body: {
          version: d.version,
          active: true,
          name: d.name,
          description: d.description,
          itemCodes: d.itemCodes,
          mode: d.mode,
          sharedFields: d.sharedFields,
        },
      });
    } else await api.del('/api/bundles/{code}', { params: { path: { code: b.code } } });
    void message.success(t('common.done'));
    list.reload();
  };

  const columns: ColumnsType<BundleSummary> = [
    { title: t('bda.code'), dataIndex: 'code', key: 'code', width: 170 },
    { title: t('bda.name'), dataIndex: 'name', key: 'name' },
    {
      title: t('bda.items'),
      key: 'items',
      width: 120,
      render: (_, b) => (
        <Tooltip title={b.itemCodes.join('、')}>
          <span data-testid={`bda-count-${b.code}`}>{t('bda.itemCount', { n: b.itemCodes.length })}</span>
        </Tooltip>
      ),
    },
    { title: t('bda.mode'), dataIndex: 'modeLabel', key: 'mode', width: 110, render: (m: string) => <Tag>{m}</Tag> },
    statusColumn(t('common.status')),
    actionsColumn(t('common.actions'), 150, (b) => (
      <Space size={0}>
        <RowEditButton onClick={() => void edit(b)} testId={`bda-edit-${b.code}`} />
        <ActiveToggle
          active={b.active}
          name={b.name}
          confirmText={t('bda.deactivateConfirm', { name: b.name })}
          onToggle={toggle(b)}
          testId={`bda-toggle-${b.code}`}
        />
      </Space>
    )),
  ];

  return (
    <div data-testid="bda-page">
      <PageHeader
        title={t('bda.title')}
        create={{ label: t('bda.create'), onClick: () => setEditing('new'), testId: 'bda-create' }}
      />
      <PagedListTable<BundleSummary>
        list={list}
        rowKey="code"
        columns={columns}
        scroll={{ x: 800 }}
        testId="bda-table"
        onRow={(b) =>
          ({ 'data-testid': `bda-row-${b.code}`, 'data-active': String(b.active) }) as React.HTMLAttributes<HTMLElement>
        }
        locale={{ emptyText: <Empty description={t('bda.empty')} /> }}
      />
      <BundleEditor
        editing={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          void message.success(t('common.saved'));
          setEditing(null);
          list.reload();
        }}
      />
    </div>
  );
}
