import { App as AntApp, Button, Drawer, Form, Input, Modal, Space, Table } from 'antd';
import type { FormInstance, TableProps } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { SearchOutlined } from '@ant-design/icons';
import { useCallback, useState, type MouseEvent, type ReactNode } from 'react';
import { api, type PathsWith } from '../client';
import { useI18n } from '../i18n';
import { ActiveTag, ActiveToggle, ErrorResult } from './common';
import type { PagedTable } from './hooks';
import { RegionTreeSelect } from './RegionTreeSelect';

// The heading row lives in its own module (pages that only need it do not load Table, Form and Modal).
export { PageHeader } from './PageHeader';

/**
 * The toolbar of a paged list: a search box, optionally the region filter, then any further filters.
 * `testPrefix` names the hooks: `<prefix>-search`, `<prefix>-region-filter`.
 */
export function ListToolbar({
  testPrefix,
  q,
  onQ,
  placeholder,
  searchWidth = 240,
  regionCode,
  onRegion,
  children,
}: {
  testPrefix: string;
  q: string;
  onQ: (q: string) => void;
  placeholder: string;
  searchWidth?: number;
  /** Given `onRegion`, a region filter follows the search box. */
  regionCode?: string;
  onRegion?: (code: string | undefined) => void;
  children?: ReactNode;
}) {
  return (
    <div className="toolbar">
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={placeholder}
        style={{ width: searchWidth }}
        value={q}
        onChange={(e) => onQ(e.target.value)}
        data-testid={`${testPrefix}-search`}
      />
      {onRegion && (
        <RegionTreeSelect
          value={regionCode}
          onChange={onRegion}
          style={{ width: 220 }}
          testId={`${testPrefix}-region-filter`}
        />
      )}
      {children}
    </div>
  );
}

/**
 * The standard server-paged table of a list page: the list's error with a retry, else a `middle` table
 * fed by `usePagedList` (rows, loading, pagination).
 */
export function PagedListTable<T extends object>({
  list,
  testId,
  rowKey = 'id',
  ...rest
}: { list: PagedTable<T>; testId?: string } & Omit<TableProps<T>, 'dataSource' | 'loading' | 'pagination'>) {
  if (list.error) return <ErrorResult error={list.error} onRetry={list.reload} />;
  return (
    <Table<T>
      rowKey={rowKey}
      size="middle"
      dataSource={list.data?.items ?? []}
      loading={list.loading}
      pagination={list.pagination}
      data-testid={testId}
      {...rest}
    />
  );
}

/**
 * Create / edit drawer around a vertical form (`<prefix>-form`), with "cancel" and "save"
 * (`<prefix>-save`, submits the form) in its header. Open while `editing` is not null.
 */
export function EditDrawer<V extends object>({
  editing,
  titles,
  onClose,
  form,
  onFinish,
  saving,
  testPrefix,
  children,
}: {
  editing: unknown;
  /** [create, edit]: the title while `editing` is `'new'`, else. */
  titles: [ReactNode, ReactNode];
  onClose: () => void;
  form: FormInstance<V>;
  onFinish: (values: V) => unknown;
  saving: boolean;
  testPrefix: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Drawer
      open={editing !== null}
      title={editing === 'new' ? titles[0] : titles[1]}
      onClose={onClose}
      size={480}
      destroyOnHidden
      forceRender
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid={`${testPrefix}-save`}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<V> form={form} layout="vertical" onFinish={onFinish} data-testid={`${testPrefix}-form`}>
        {children}
      </Form>
    </Drawer>
  );
}

/** A small modal around a form: OK is "save" (submits), cancel closes. */
export function FormModal({
  open,
  title,
  onCancel,
  onSave,
  saving,
  children,
}: {
  open: boolean;
  title: ReactNode;
  onCancel: () => void;
  onSave: () => void;
  saving: boolean;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onCancel}
      onOk={onSave}
      confirmLoading={saving}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
      forceRender
    >
      {children}
    </Modal>
  );
}

/** The actions of a row that can be edited and (de)activated; `children` go between the two. */
export function EditToggleActions({
  name,
  active,
  onEdit,
  onToggle,
  testSuffix,
  testPrefix,
  onClick,
  children,
}: {
  name: string;
  active: boolean;
  onEdit: () => void;
  onToggle: (activate: boolean) => Promise<unknown>;
  /** Hooks `<prefix>-edit-<suffix>` and `<prefix>-toggle-<suffix>`. */
  testPrefix: string;
  testSuffix: string;
  onClick?: (e: MouseEvent) => void;
  children?: ReactNode;
}) {
  return (
    <Space size={0} onClick={onClick}>
      <RowEditButton onClick={onEdit} testId={`${testPrefix}-edit-${testSuffix}`} />
      {children}
      <ActiveToggle active={active} name={name} testId={`${testPrefix}-toggle-${testSuffix}`} onToggle={onToggle} />
    </Space>
  );
}

/** The standard status column: an active / inactive tag. */
export function statusColumn<T extends { active: boolean }>(title: string): ColumnType<T> {
  return { title, dataIndex: 'active', key: 'active', width: 90, render: (a: boolean) => <ActiveTag active={a} /> };
}

/** The actions column of a table (`key: 'actions'`). */
export function actionsColumn<T>(
  title: string,
  width: number,
  render: (row: T) => ReactNode,
  more?: ColumnType<T>,
): ColumnType<T> {
  return { title, key: 'actions', width, ...more, render: (_, row) => render(row) };
}

/** The code and name inputs of a create / edit form; the code is fixed once created. */
export function CodeNameItems({ isNew, testPrefix }: { isNew: boolean; testPrefix: string }) {
  const { t } = useI18n();
  const rules = useRequiredRules();
  return (
    <>
      <Form.Item name="code" label={t('common.code')} rules={[rules.required(t('common.code'))]}>
        <Input disabled={!isNew} maxLength={32} data-testid={`${testPrefix}-code`} />
      </Form.Item>
      <Form.Item name="name" label={t('common.name')} rules={[rules.required(t('common.name'))]}>
        <Input maxLength={100} data-testid={`${testPrefix}-name`} />
      </Form.Item>
    </>
  );
}

/** The required region of a create / edit form. */
export function RegionItem({ testId, onChange }: { testId: string; onChange?: (code: string | undefined) => void }) {
  const { t } = useI18n();
  const rules = useRequiredRules();
  return (
    <Form.Item name="regionCode" label={t('common.region')} rules={[rules.selectRequired(t('common.region'))]}>
      <RegionTreeSelect testId={testId} onChange={onChange} />
    </Form.Item>
  );
}

/** The small "edit" link of a table row. */
export function RowEditButton({ onClick, testId }: { onClick: () => void; testId: string }) {
  const { t } = useI18n();
  return (
    <Button type="link" size="small" onClick={onClick} data-testid={testId}>
      {t('common.edit')}
    </Button>
  );
}

/**
 * A save in flight: `run(fn)` sets `saving` while `fn` runs; errors are swallowed (the api client has
 * already shown them, and form errors are on the form).
 */
export function useSaving(): [boolean, (fn: () => Promise<unknown>) => Promise<void>] {
  const [saving, setSaving] = useState(false);
  const run = useCallback(async (fn: () => Promise<unknown>) => {
    setSaving(true);
    try {
      await fn();
    } catch {
      /* shown */
    } finally {
      setSaving(false);
    }
  }, []);
  return [saving, run];
}

/** The resources that have `POST <base>/activate` and `<base>/deactivate`, e.g. `/api/staff/{id}`. */
export type ToggleBase = PathsWith<'post'> extends infer P ? (P extends `${infer B}/activate` ? B : never) : never;

/** `onToggle` for an `ActiveToggle`: POST `<base>/activate|deactivate` for one key, say "done", then `reload`. */
export function useToggleActive(reload: () => void) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  return (base: ToggleBase, key: string) => async (activate: boolean) => {
    const path = `${base}/${activate ? 'activate' : 'deactivate'}` as `${ToggleBase}/activate`;
    // The key fills the base's one path parameter, whichever its name (`id`, `code`).
    await api.post(path, { params: { path: { id: key, code: key } } } as never);
    void message.success(t('common.done'));
    reload();
  };
}

/** Form rules: a required text (blank counts as missing) and a required choice, with the standard messages. */
export function useRequiredRules() {
  const { t } = useI18n();
  return {
    required: (field: string) => ({ required: true, whitespace: true, message: t('common.required', { field }) }),
    selectRequired: (field: string) => ({ required: true, message: t('common.selectRequired', { field }) }),
  };
}
