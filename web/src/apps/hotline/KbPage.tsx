import {
  App as AntApp,
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useAuth } from '../../shared/auth';
import { api } from '../../shared/client';
import { ErrorResult, formatDateTime, PageLoading } from '../../shared/components/common';
import { useDebounced, useFetch, usePagedList } from '../../shared/components/hooks';
import { EditDrawer, ListToolbar, useRequiredRules, useSaving } from '../../shared/components/ListPage';
import { PageHeader } from '../../shared/components/PageHeader';
import { useI18n } from '../../shared/i18n';
import {
  hlRoles,
  KB_ACTIONS_FROM,
  KB_STATES,
  type KbAction,
  type KbEntry,
  type KbState,
  type KbView,
} from './hotlineApi';
import { CategoryCascader, KbAnswer, useCategories } from './parts';

interface KbValues {
  question: string;
  answer: string;
  categoryCode?: string;
  sourceDepartment?: string;
  validFrom?: Dayjs | null;
  validTo?: Dayjs | null;
}

const KB_STATE_COLORS: Record<KbState, string> = {
  draft: 'default',
  review: 'gold',
  published: 'green',
  withdrawn: 'red',
};
const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

function KbStateTag({ state }: { state: KbState }) {
  const { t } = useI18n();
  return <Tag color={KB_STATE_COLORS[state]}>{t(`hl.kbState.${state}`)}</Tag>;
}

/** 知识库: search for every hotline role; the centre's chief also writes, reviews, publishes and withdraws. */
export default function KbPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const r = hlRoles(user);
  const categories = useCategories();
  const [q, setQ] = useState('');
  const dq = useDebounced(q);
  const [category, setCategory] = useState<string | undefined>();
  const [state, setState] = useState<KbState | undefined>();
  const [openId, setOpenId] = useState<string | null>(null);
  const [editing, setEditing] = useState<KbView | 'new' | null>(null);
  const list = usePagedList('/api/hotline/kb', { q: dq || undefined, category, state });

  const columns: ColumnsType<KbEntry> = [
    {
      title: t('hl.kb.question'),
      dataIndex: 'question',
      render: (v: string, e) => (
        <Typography.Link onClick={() => setOpenId(e.id)} data-testid={`hl-kb-row-${e.id}`}>
          {v}
        </Typography.Link>
      ),
    },
    {
      title: t('hl.field.category'),
      dataIndex: 'categoryCode',
      width: 180,
      render: (c: string | null) => categories.nameOf(c),
    },
    { title: t('hl.kb.sourceDept'), dataIndex: 'sourceDepartment', width: 130 },
    { title: t('hl.col.state'), dataIndex: 'state', width: 90, render: (s: KbState) => <KbStateTag state={s} /> },
    { title: t('hl.kb.useCount'), dataIndex: 'useCount', width: 90, align: 'right' },
    { title: t('hl.kb.notHelpfulCount'), dataIndex: 'notHelpfulCount', width: 90, align: 'right' },
    { title: t('hl.kb.updatedAt'), dataIndex: 'updatedAt', width: 150, render: (v: string) => formatDateTime(v) },
  ];

  return (
    <div data-testid="hl-kb">
      <PageHeader
        title={t('hl.kb.title')}
        create={
          r.chief ? { label: t('hl.kb.create'), onClick: () => setEditing('new'), testId: 'hl-kb-create' } : undefined
        }
      />
      <ListToolbar testPrefix="hl-kb" q={q} onQ={setQ} placeholder={t('hl.kb.searchHint')} searchWidth={300}>
        <div style={{ width: 220 }}>
          <CategoryCascader categories={categories} value={category} onChange={setCategory} />
        </div>
        {r.chief && (
          <Select
            allowClear
            style={{ width: 120 }}
            placeholder={t('hl.col.state')}
            value={state}
            onChange={setState}
            options={KB_STATES.map((s) => ({ value: s, label: t(`hl.kbState.${s}`) }))}
            data-testid="hl-kb-state"
          />
        )}
      </ListToolbar>
      {list.error ? (
        <ErrorResult error={list.error} onRetry={list.reload} />
      ) : (
        <Table<KbEntry>
          rowKey="id"
          size="middle"
          data-testid="hl-kb-table"
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          pagination={list.pagination}
          columns={columns}
          scroll={{ x: 1000 }}
          locale={{ emptyText: t('hl.kb.none') }}
        />
      )}
      <KbDrawer
        id={openId}
        chief={r.chief}
        categoryName={categories.nameOf}
        onClose={() => setOpenId(null)}
        onEdit={setEditing}
        onChanged={list.reload}
      />
      <KbEditor
        editing={editing}
        categories={categories}
        onClose={() => setEditing(null)}
        onSaved={(v) => {
          setEditing(null);
          setOpenId(v.id);
          list.reload();
        }}
      />
    </div>
  );
}

/** One entry: its answer, counts and versions; the chief's workflow buttons and edit. */
function KbDrawer({
  id,
  chief,
  categoryName,
  onClose,
  onEdit,
  onChanged,
}: {
  id: string | null;
  chief: boolean;
  categoryName: (code: string | null) => string;
  onClose: () => void;
  onEdit: (v: KbView) => void;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [saving, run] = useSaving();
  const view = useFetch<KbView>(
    id ? (signal) => api.get('/api/hotline/kb/{id}', { params: { path: { id } }, signal, silent: true }) : null,
    [id],
  );
  const v = id ? view.data : undefined;
  const act = (action: KbAction) =>
    run(async () => {
      if (!v) return;
      view.setData(
        await api.post('/api/hotline/kb/{id}/actions', {
          params: { path: { id: v.id } },
          body: { action, version: v.version },
        }),
      );
      onChanged();
      void message.success(t('common.done'));
    });
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={620}
      title={t('hl.kb.entry')}
      destroyOnHidden
      data-testid="hl-kb-drawer"
    >
      {view.error ? (
        <ErrorResult error={view.error} onRetry={view.reload} />
      ) : !v ? (
        <PageLoading />
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="hl-kb-view" data-state={v.state}>
          <Typography.Title level={5}>{v.question}</Typography.Title>
          <KbAnswer entry={v} />
          <Descriptions
            size="small"
            column={2}
            bordered
            items={[
              { key: 'state', label: t('hl.col.state'), children: <KbStateTag state={v.state} /> },
              { key: 'category', label: t('hl.field.category'), children: categoryName(v.categoryCode) || '—' },
              { key: 'use', label: t('hl.kb.useCount'), children: v.useCount },
              { key: 'nh', label: t('hl.kb.notHelpfulCount'), children: v.notHelpfulCount },
            ]}
          />
          {chief && (
            <Space wrap>
              <Button onClick={() => onEdit(v)} data-testid="hl-kb-edit">
                {t('common.edit')}
              </Button>
              {KB_ACTIONS_FROM[v.state].map((a) => (
                <Button
                  key={a}
                  type={a === 'publish' || a === 'submit' || a === 'restore' ? 'primary' : 'default'}
                  danger={a === 'withdraw'}
                  loading={saving}
                  onClick={() => void act(a)}
                  data-testid={`hl-kb-action-${a}`}
                >
                  {t(`hl.kbAction.${a}`)}
                </Button>
              ))}
            </Space>
          )}
          <Typography.Title level={5}>{t('hl.kb.versions')}</Typography.Title>
          <Timeline
            data-testid="hl-kb-versions"
            items={v.versions.map((x) => ({
              key: `${x.version}-${x.at}`,
              children: (
                <div>
                  <strong>{t('hl.kb.version', { n: x.version })}</strong> · {t(`hl.kbState.${x.state as KbState}`)} ·{' '}
                  {x.byName} <Typography.Text type="secondary">{formatDateTime(x.at)}</Typography.Text>
                  <div>{x.question}</div>
                </div>
              ),
            }))}
          />
        </Space>
      )}
    </Drawer>
  );
}

function KbEditor({
  editing,
  categories,
  onClose,
  onSaved,
}: {
  editing: KbView | 'new' | null;
  categories: ReturnType<typeof useCategories>;
  onClose: () => void;
  onSaved: (v: KbView) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<KbValues>();
  const [saving, run] = useSaving();
  useEffect(() => {
    if (!editing) return;
    form.setFieldsValue(
      editing && editing !== 'new'
        ? {
            question: editing.question,
            answer: editing.answer,
            categoryCode: editing.categoryCode ?? undefined,
            sourceDepartment: editing.sourceDepartment,
            validFrom: editing.validFrom ? dayjs(editing.validFrom) : null,
            validTo: editing.validTo ? dayjs(editing.validTo) : null,
          }
        : { question: '', answer: '', categoryCode: undefined, sourceDepartment: '', validFrom: null, validTo: null },
    );
  }, [editing, form]);
  const save = (v: KbValues) =>
    run(async () => {
      const body = {
        question: v.question,
        answer: v.answer,
        categoryCode: v.categoryCode,
        sourceDepartment: v.sourceDepartment ?? '',
        validFrom: day(v.validFrom),
        validTo: day(v.validTo),
      };
      onSaved(
        editing && editing !== 'new'
          ? await api.put('/api/hotline/kb/{id}', {
              params: { path: { id: editing.id } },
              body: { ...body, version: editing.version },
              form,
            })
          : await api.post('/api/hotline/kb', { body, form }),
      );
    });
  const rules = useRequiredRules();
  const req = (field: string) => [rules.required(field)];
  return (
    <EditDrawer<KbValues>
      editing={editing}
      titles={[t('hl.kb.create'), t('hl.kb.edit')]}
      onClose={onClose}
      form={form}
      onFinish={save}
      saving={saving}
      testPrefix="hl-kb-editor"
    >
      <Form.Item name="question" label={t('hl.kb.question')} rules={req(t('hl.kb.question'))}>
        <Input maxLength={500} data-testid="hl-kb-question" />
      </Form.Item>
      <Form.Item name="answer" label={t('hl.kb.answer')} rules={req(t('hl.kb.answer'))}>
        <Input.TextArea rows={6} maxLength={10000} showCount data-testid="hl-kb-answer" />
      </Form.Item>
      <Form.Item name="categoryCode" label={t('hl.field.category')}>
        <CategoryCascader categories={categories} />
      </Form.Item>
      <Form.Item name="sourceDepartment" label={t('hl.kb.sourceDept')}>
        <Input maxLength={100} data-testid="hl-kb-source" />
      </Form.Item>
      <Space>
        <Form.Item name="validFrom" label={t('hl.kb.validFrom')}>
          <DatePicker />
        </Form.Item>
        <Form.Item
          name="validTo"
          label={t('hl.kb.validTo')}
          dependencies={['validFrom']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, v: Dayjs | null) => {
                const from = getFieldValue('validFrom') as Dayjs | null;
                return !v || !from || !v.isBefore(from, 'day')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('hl.kb.badValidity')));
              },
            }),
          ]}
        >
          <DatePicker />
        </Form.Item>
      </Space>
    </EditDrawer>
  );
}
