import { Card, DatePicker, Empty, Input, Segmented, Select, Space, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useState, type HTMLAttributes } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api, type QueryOf, type Res } from '../../shared/client';
import { useAuth } from '../../shared/auth';
import { useI18n } from '../../shared/i18n';
import { zhCN } from '../../shared/i18n/zh-CN';
import type { CaseListItem } from '../../shared/cases';
import { DeadlineTag, StatusTag } from '../../shared/components/CaseBits';
import { ErrorResult, PageLoading } from '../../shared/components/common';
import { useDebounced, usePagedList } from '../../shared/components/hooks';
import { ItemSelect } from '../../shared/components/ItemSelect';
import { statusFilterLabel } from '../../shared/decisionWords';
import { PagedListTable } from '../../shared/components/ListPage';
import { PageHeader } from '../../shared/components/PageHeader';
import { RegionTreeSelect } from '../../shared/components/RegionTreeSelect';
import { DepartmentSelect, HallSelect, RemoteSelect, WindowSelect } from '../../shared/components/selects';
import { CITY_CODE, type Paged, type Staff } from '../../shared/types';
import { useDepartmentNames, useOverviewStream, useRegionNames } from './svApi';
import { Counters, LiveBadge } from './parts';

/** A row of `GET /api/cases?view=all`. */
type MonitorCase = CaseListItem;

/** Every status the API knows, in the order of the dictionary (labels come from it too). */
const STATUSES = Object.keys(zhCN)
  .filter((k) => k.startsWith('caseStatus.'))
  .map((k) => k.slice('caseStatus.'.length));
const DEADLINE_STATES = ['on_time', 'near', 'overdue'] as const;
/** The filters kept in the address (shareable, survive a reload); each is the API's parameter of the same name. */
const FILTERS = [
  'regionCode',
  'departmentCode',
  'hallId',
  'windowId',
  'clerkId',
  'itemCode',
  'status',
  'deadlineState',
  'from',
  'to',
  'sort',
] as const;
type FilterKey = (typeof FILTERS)[number];

/**
 * 办件监控: every case in the supervisor's scope with its state, clock and level, filtered by region,
 * department, hall, window, clerk, item, status, deadline and dates; live counts of the open cases on top.
 */
export default function MonitorPage() {
  const { t, label } = useI18n();
  const { user, hasRole } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const get = (k: FilterKey) => params.get(k) ?? undefined;
  const [text, setText] = useState('');
  // the type of the item chosen in the filter (known once picked here): words its decision statuses
  const [itemType, setItemType] = useState<string>();
  const q = useDebounced(text.trim(), 400);
  const root = user?.scope.regionCode ?? CITY_CODE;
  const region = get('regionCode');
  const hall = get('hallId');

  /** Sets filters in the address; choosing a region or a hall clears what hangs below it. */
  const update = (patch: Partial<Record<FilterKey, string | undefined>>) => {
    const next = new URLSearchParams(params);
    const all: Partial<Record<FilterKey, string | undefined>> = { ...patch };
    if ('regionCode' in patch)
      Object.assign(all, { departmentCode: undefined, hallId: undefined, windowId: undefined, clerkId: undefined });
    if ('hallId' in patch) all.windowId = undefined;
    for (const [k, v] of Object.entries(all)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };

  // Filters come from the address bar as typed; the server refuses an unknown value.
  const query = Object.fromEntries(FILTERS.map((k) => [k, get(k)])) as QueryOf<'/api/cases'>;
  // The search text is typed, not kept in the address.
  const list = usePagedList('/api/cases', {
    view: 'all',
    ...query,
    q: q || undefined,
    sort: query.sort ?? 'deadline',
  });
  const rows = list.data?.items ?? [];
  const capped = (list.data as Res<'/api/cases'> | undefined)?.totalExact === false;
  const regionNames = useRegionNames(rows.flatMap((r) => [r.regionCode, r.currentRegionCode ?? r.regionCode]));
  const deptNames = useDepartmentNames();
  const live = useOverviewStream(region);
  const range: [Dayjs, Dayjs] | null = get('from') && get('to') ? [dayjs(get('from')), dayjs(get('to'))] : null;

  const columns = [
    {
      title: t('case.number'),
      dataIndex: 'number',
      key: 'number',
      render: (n: string, r: MonitorCase) => (
        <Space direction="vertical" size={0}>
          <Link to={`/workbench/cases/${r.id}`} className="case-number" onClick={(e) => e.stopPropagation()}>
            {n}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.itemName}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('case.applicant'),
      key: 'applicant',
      render: (_: unknown, r: MonitorCase) => (
        <div>
          <div>{r.applicant.name}</div>
          {r.applicant.idNumberMasked && (
            <Typography.Text type="secondary">{r.applicant.idNumberMasked}</Typography.Text>
          )}
        </div>
      ),
    },
    {
      title: t('common.department'),
      dataIndex: 'departmentCode',
      key: 'department',
      render: (c: string) => deptNames[c] ?? c,
    },
    { title: t('mo.col.region'), dataIndex: 'regionCode', key: 'region', render: (c: string) => regionNames[c] ?? c },
    {
      title: t('common.status'),
      key: 'status',
      render: (_: unknown, r: MonitorCase) => <StatusTag status={r.status} label={r.statusLabel} />,
    },
    {
      title: t('case.deadline'),
      key: 'clock',
      render: (_: unknown, r: MonitorCase) => (
        <Space direction="vertical" size={2}>
          <DeadlineTag
            colour={r.deadlineColour}
            state={r.deadlineState}
            remaining={r.remainingWorkingDays}
            provisional={r.provisional}
            stateLabel={r.deadlineStateLabel}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('case.promisedDeadline')} {r.promisedDeadline ?? '—'}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('mo.col.level'),
      key: 'level',
      render: (_: unknown, r: MonitorCase) => (
        <Space direction="vertical" size={0}>
          <span>{r.currentLevel ? label('level', r.currentLevel) : '—'}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.currentRegionCode ? (regionNames[r.currentRegionCode] ?? r.currentRegionCode) : ''}
          </Typography.Text>
        </Space>
      ),
    },
  ];

  return (
    <div data-testid="mo-page">
      <PageHeader
        title={t('mo.title')}
        action={<LiveBadge status={live.status} lastAt={live.lastAt} onReconnect={live.reconnect} />}
      />
      <Typography.Paragraph type="secondary">{t('mo.hint')}</Typography.Paragraph>
      <div style={{ marginBottom: 16 }} data-testid="mo-counts">
        {live.error ? (
          <ErrorResult error={live.error} onRetry={live.reconnect} />
        ) : live.data ? (
          <Counters o={live.data} />
        ) : (
          <PageLoading />
        )}
      </div>
      <Card size="small">
        <div className="toolbar" data-testid="mo-filters">
          <Input
            allowClear
            prefix={<SearchOutlined />}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t('wb.searchPlaceholder')}
            style={{ width: 220 }}
            data-testid="mo-filter-q"
          />
          <RegionTreeSelect
            value={region}
            onChange={(v) => update({ regionCode: v })}
            rootCode={root}
            placeholder={t('sv.allRegions')}
            style={{ width: 200 }}
            testId="mo-filter-region"
          />
          <div style={{ width: 200 }} className="sv-fill">
            <DepartmentSelect
              valueField="code"
              regionCode={region ?? root}
              value={get('departmentCode')}
              onChange={(v) => update({ departmentCode: v })}
              placeholder={t('sv.allDepartments')}
              testId="mo-filter-department"
            />
          </div>
          <div style={{ width: 200 }} className="sv-fill">
            <HallSelect
              regionCode={region ?? root}
              value={hall}
              onChange={(v) => update({ hallId: v })}
              testId="mo-filter-hall"
            />
          </div>
          <div style={{ width: 200 }} className="sv-fill">
            <WindowSelect
              hallId={hall}
              value={get('windowId')}
              onChange={(v) => update({ windowId: v })}
              testId="mo-filter-window"
            />
          </div>
          {(hasRole('admin') || hasRole('supervisor')) && (
            <div style={{ width: 180 }} className="sv-fill">
              <ClerkSelect
                regionCode={region ?? root}
                value={get('clerkId')}
                onChange={(v) => update({ clerkId: v })}
              />
            </div>
          )}
          <ItemSelect
            value={get('itemCode')}
            onChange={(v, item) => {
              setItemType(item?.type);
              update({ itemCode: v });
            }}
            testId="mo-filter-item"
            style={{ width: 220 }}
          />
          <Select
            allowClear
            value={get('status')}
            onChange={(v: string | undefined) => update({ status: v })}
            placeholder={t('common.status')}
            style={{ width: 170 }}
            data-testid="mo-filter-status"
            options={STATUSES.map((s) => ({
              value: s,
              label: statusFilterLabel(s, get('itemCode') ? itemType : undefined, (x) => label('caseStatus', x)),
            }))}
          />
          <Select
            allowClear
            value={get('deadlineState')}
            onChange={(v: string | undefined) => update({ deadlineState: v })}
            placeholder={t('case.deadline')}
            style={{ width: 130 }}
            data-testid="mo-filter-deadline"
            options={DEADLINE_STATES.map((s) => ({ value: s, label: label('deadlineState', s) }))}
          />
          <DatePicker.RangePicker
            value={range}
            onChange={(v) => update({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
            placeholder={[t('wb.from'), t('wb.to')]}
            data-testid="mo-filter-range"
          />
          <Segmented
            value={get('sort') ?? 'deadline'}
            onChange={(v) => update({ sort: v === 'deadline' ? undefined : String(v) })}
            options={(['deadline', 'created'] as const).map((s) => ({
              value: s,
              label: <span data-testid={`mo-sort-${s}`}>{t(`mo.sort.${s}`)}</span>,
            }))}
          />
          {([...params.keys()].length > 0 || text) && (
            <Typography.Link
              onClick={() => {
                setText('');
                setParams({}, { replace: true });
              }}
              data-testid="mo-filter-clear"
            >
              {t('portal.clearFilters')}
            </Typography.Link>
          )}
        </div>
        <PagedListTable<MonitorCase>
          list={{
            ...list,
            pagination: {
              ...list.pagination,
              showTotal: (n) => (capped ? t('mo.totalCapped', { n }) : t('common.total', { n })),
            },
          }}
          columns={columns}
          testId="mo-table"
          scroll={{ x: 'max-content' }}
          onRow={(r) =>
            ({
              'data-testid': `mo-case-${r.number}`,
              'data-colour': r.deadlineColour,
              'data-region': r.regionCode,
              'data-accept': r.acceptRegionCode,
              'data-holder': r.currentRegionCode ?? '',
              onClick: () => navigate(`/workbench/cases/${r.id}`),
              style: { cursor: 'pointer' },
            }) as HTMLAttributes<HTMLElement>
          }
          locale={{ emptyText: <Empty data-testid="mo-empty" description={t('mo.empty')} /> }}
        />
      </Card>
    </div>
  );
}

/** Staff of a region subtree who register cases (administrators and supervisors may list staff). */
function ClerkSelect({
  regionCode,
  value,
  onChange,
}: {
  regionCode: string;
  value?: string;
  onChange: (v: string | undefined) => void;
}) {
  const { t } = useI18n();
  return (
    <RemoteSelect<Paged<Staff>>
      load={(signal) =>
        api.get('/api/staff', { params: { query: { regionCode, role: 'clerk', pageSize: 200 } }, signal, silent: true })
      }
      deps={[regionCode]}
      value={value}
      onChange={onChange}
      placeholder={t('mo.clerk')}
      testId="mo-filter-clerk"
      toOptions={(data) => (data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
    />
  );
}
