import { Button, Card, DatePicker, Empty, Input, Segmented, Select, Space, Tabs, Typography } from 'antd';
import { InboxOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../shared/auth';
import { useI18n } from '../../shared/i18n';
import { useDebounced, usePagedList } from '../../shared/components/hooks';
import type { QueryOf } from '../../shared/client';
import { formatDateTime } from '../../shared/components/common';
import { PagedListTable } from '../../shared/components/ListPage';
import { DeadlineTag, StatusTag } from '../../shared/components/CaseBits';
import { ItemSelect } from '../../shared/components/ItemSelect';
import { statusFilterLabel } from '../../shared/decisionWords';
import type { CaseListItem } from '../../shared/cases';
import { GreenChannelTag } from '../../shared/components/LinkageBits';
import { BundleMarker, useBundleLinks } from './BundleSiblings';

/** Status codes offered as filters (the rows show the API's labels). */
const STATUS_FILTERS = [
  'submitted',
  'prereviewed',
  'correction_requested',
  'accepted',
  'reviewed',
  'suspended',
  'granted',
  'certificate_issued',
  'completed',
  'refused',
  'denied',
  'withdrawn',
  'draft',
];
const DEADLINE_FILTERS = ['on_time', 'near', 'overdue'] as const;

/** 办件收件箱: 待办 / 全部, filters in the URL, sorted by deadline, deadline colour per row. */
export function Inbox() {
  const { t, label } = useI18n();
  const { hasRole } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'all' ? 'all' : 'todo';
  // Filters come from the address bar as typed; the server refuses an unknown value.
  type CaseQuery = QueryOf<'/api/cases'>;
  const counter = (params.get('counter') ?? undefined) as CaseQuery['counter'];
  const status = params.get('status') ?? undefined;
  const deadlineState = (params.get('deadline') ?? undefined) as CaseQuery['deadlineState'];
  const itemCode = params.get('item') ?? undefined;
  const from = params.get('from') ?? undefined;
  const to = params.get('to') ?? undefined;
  const [text, setText] = useState(params.get('q') ?? '');
  // the type of the item chosen in the filter (known once picked here): words its decision statuses
  const [itemType, setItemType] = useState<string>();
  const q = useDebounced(text.trim(), 400);

  const update = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };

  const list = usePagedList('/api/cases', {
    view,
    counter,
    status,
    deadlineState,
    itemCode,
    from,
    to,
    q: q || undefined,
    sort: 'deadline',
  });
  const range: [Dayjs, Dayjs] | null = from && to ? [dayjs(from), dayjs(to)] : null;
  const hasFilters = !!(status || deadlineState || itemCode || from || to || q);
  const bundleLinks = useBundleLinks(list.data?.items.map((r) => r.id));

  const columns = [
    {
      title: t('case.number'),
      dataIndex: 'number',
      key: 'number',
      render: (n: string, r: CaseListItem) => (
        <Space size={4}>
          <Link to={`/workbench/cases/${r.id}`} className="case-number" onClick={(e) => e.stopPropagation()}>
            {n}
          </Link>
          {r.greenChannel && <GreenChannelTag />}
          <BundleMarker link={bundleLinks.get(r.id)} />
        </Space>
      ),
    },
    { title: t('case.item'), dataIndex: 'itemName', key: 'item', ellipsis: true },
    {
      title: t('case.applicant'),
      key: 'applicant',
      responsive: ['md' as const],
      render: (_: unknown, r: CaseListItem) => (
        <div>
          <div>{r.applicant.name}</div>
          {r.applicant.idNumberMasked && (
            <Typography.Text type="secondary">{r.applicant.idNumberMasked}</Typography.Text>
          )}
        </div>
      ),
    },
    {
      title: t('common.status'),
      key: 'status',
      render: (_: unknown, r: CaseListItem) => <StatusTag status={r.status} label={r.statusLabel} />,
    },
    {
      title: t('case.deadline'),
      key: 'deadline',
      render: (_: unknown, r: CaseListItem) => (
        <DeadlineTag
          colour={r.deadlineColour}
          state={r.deadlineState}
          remaining={r.remainingWorkingDays}
          provisional={r.provisional}
        />
      ),
    },
    {
      title: t('case.promisedDeadline'),
      dataIndex: 'promisedDeadline',
      key: 'promised',
      responsive: ['lg' as const],
      render: (d: string | null) => d ?? '—',
    },
    {
      title: t('case.submittedAt'),
      dataIndex: 'submittedAt',
      key: 'submitted',
      responsive: ['lg' as const],
      render: (d: string | null, r: CaseListItem) => formatDateTime(d ?? r.createdAt),
    },
  ];

  return (
    <Card
      data-testid="wb-inbox"
      title={
        <Space>
          <InboxOutlined />
          {t('wb.inbox')}
        </Space>
      }
      extra={
        hasRole('clerk') ? (
          <Link to="/workbench/cases/new">
            <Button type="primary" icon={<PlusOutlined />} data-testid="wb-register">
              {t('wb.register')}
            </Button>
          </Link>
        ) : undefined
      }
    >
      <Tabs
        activeKey={view}
        onChange={(k) => update({ view: k === 'all' ? 'all' : undefined })}
        items={[
          { key: 'todo', label: <span data-testid="wb-tab-todo">{t('wb.todo')}</span> },
          { key: 'all', label: <span data-testid="wb-tab-all">{t('wb.all')}</span> },
        ]}
        tabBarExtraContent={
          // 受审分离: front desk, back office and exit counter as separate queues.
          <Segmented
            size="small"
            value={counter ?? 'any'}
            onChange={(v) => update({ counter: v === 'any' ? undefined : String(v) })}
            options={(['any', 'front', 'back', 'exit'] as const).map((c) => ({
              value: c,
              label: <span data-testid={`wb-counter-${c}`}>{t(`wb.counter.${c}`)}</span>,
            }))}
          />
        }
      />
      <div className="toolbar" data-testid="wb-filters">
        <Input
          allowClear
          prefix={<SearchOutlined />}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t('wb.searchPlaceholder')}
          style={{ width: 240 }}
          data-testid="wb-filter-q"
        />
        <Select
          allowClear
          value={status}
          onChange={(v: string | undefined) => update({ status: v })}
          placeholder={t('common.status')}
          style={{ width: 170 }}
          data-testid="wb-filter-status"
          options={STATUS_FILTERS.map((s) => ({
            value: s,
            label: statusFilterLabel(s, itemCode ? itemType : undefined, (x) => label('caseStatus', x)),
          }))}
        />
        <Select
          allowClear
          value={deadlineState}
          onChange={(v: string | undefined) => update({ deadline: v })}
          placeholder={t('case.deadline')}
          style={{ width: 140 }}
          data-testid="wb-filter-deadline"
          options={DEADLINE_FILTERS.map((s) => ({ value: s, label: label('deadlineState', s) }))}
        />
        <ItemSelect
          value={itemCode}
          onChange={(v, item) => {
            setItemType(item?.type);
            update({ item: v });
          }}
          testId="wb-filter-item"
          style={{ width: 240 }}
        />
        <DatePicker.RangePicker
          value={range}
          onChange={(v) => update({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
          data-testid="wb-filter-range"
          placeholder={[t('wb.from'), t('wb.to')]}
        />
        {hasFilters && (
          <Button
            onClick={() => {
              setText('');
              setParams(view === 'all' ? { view: 'all' } : {}, { replace: true });
            }}
            data-testid="wb-filter-clear"
          >
            {t('portal.clearFilters')}
          </Button>
        )}
      </div>
      <PagedListTable<CaseListItem>
        list={list}
        columns={columns}
        scroll={{ x: 'max-content' }}
        onRow={(r) =>
          ({
            'data-testid': `wb-case-${r.number}`,
            'data-colour': r.deadlineColour,
            onClick: () => navigate(`/workbench/cases/${r.id}`),
            style: { cursor: 'pointer' },
          }) as HTMLAttributes<HTMLElement>
        }
        locale={{
          emptyText: (
            <Empty
              data-testid="wb-inbox-empty"
              description={view === 'todo' && !hasFilters ? t('wb.inboxEmpty') : t('wb.noMatch')}
            />
          ),
        }}
      />
    </Card>
  );
}
