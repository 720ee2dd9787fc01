/** The hotline pages' shared pieces: tags, the deadline badge, pickers (category, region, unit) and the ticket table. */
import { Cascader, Empty, Radio, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TablePaginationConfig } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../shared/client';
import { formatDateTime } from '../../shared/components/common';
import { useFetch } from '../../shared/components/hooks';
import { RegionTreeSelect } from '../../shared/components/RegionTreeSelect';
import { DepartmentSelect } from '../../shared/components/selects';
import { useI18n } from '../../shared/i18n';
import { CITY_CODE, type Region } from '../../shared/types';
import {
  rowDeadline,
  type Category,
  type DeadlineState,
  type KbEntry,
  type TicketRow,
  type TicketState,
  type TicketType,
  type UnitRef,
} from './hotlineApi';

export const DEADLINE_COLORS: Record<DeadlineState, string> = {
  normal: 'green',
  near: 'gold',
  overdue: 'red',
  paused: 'default',
  finished: 'blue',
};
const STATE_COLORS: Partial<Record<TicketState, string>> = {
  registered: 'purple',
  dispatched: 'orange',
  handling: 'processing',
  return_pending: 'magenta',
  extension_pending: 'magenta',
  replied: 'cyan',
  callback: 'geekblue',
  closed: 'success',
};

export function TicketStateTag({ state }: { state: TicketState }) {
  const { t } = useI18n();
  return (
    <Tag color={STATE_COLORS[state] ?? 'default'} data-testid="hl-state" data-state={state}>
      {t(`hl.state.${state}`)}
    </Tag>
  );
}

export function TicketTypeTag({ type }: { type: TicketType }) {
  const { t } = useI18n();
  return <Tag color={type === 'report' || type === 'complaint' ? 'volcano' : 'blue'}>{t(`hl.type.${type}`)}</Tag>;
}

/** The deadline of a ticket as a coloured badge: 正常, 临期, 超期, 暂停计时, 已办结. */
export function DeadlineBadge({
  state,
  dueAt,
  onTime,
}: {
  state: DeadlineState;
  dueAt: string | null;
  onTime?: boolean | null;
}) {
  const { t } = useI18n();
  // A list row does not know whether a finished ticket was on time (`onTime` undefined): then just 已办结.
  const text =
    state === 'finished' && typeof onTime === 'boolean'
      ? t(onTime ? 'hl.deadline.onTime' : 'hl.deadline.late')
      : t(`hl.deadline.${state}`);
  return (
    <Tooltip title={dueAt ? t('hl.dueAt', { at: formatDateTime(dueAt) }) : undefined}>
      <Tag color={DEADLINE_COLORS[state]} data-testid="hl-deadline" data-deadline={state}>
        {text}
      </Tag>
    </Tooltip>
  );
}

/** The category tree, loaded once per page. */
export function useCategories() {
  const list = useFetch((signal) => api.get('/api/hotline/categories', { signal, silent: true }), []);
  return useMemo(() => {
    const items = list.data ?? [];
    const byCode = new Map(items.map((c) => [c.code, c]));
    /** The path of a category, root first. */
    const pathOf = (code: string): string[] => {
      const path: string[] = [];
      for (
        let c = byCode.get(code);
        c && !path.includes(c.code);
        c = c.parentCode ? byCode.get(c.parentCode) : undefined
      )
        path.unshift(c.code);
      return path;
    };
    /** The category's name with its parent's: 城市管理 / 道路设施. */
    const nameOf = (code: string | null | undefined) =>
      code
        ? pathOf(code)
            .map((c) => byCode.get(c)?.name ?? c)
            .join(' / ') || code
        : '';
    return { items, pathOf, nameOf, loading: list.loading };
  }, [list.data, list.loading]);
}

type CategoryOption = { value: string; label: string; children?: CategoryOption[] };
const toTree = (items: Category[], parent: string | null): CategoryOption[] =>
  items
    .filter((c) => c.parentCode === parent && c.active)
    .map((c) => {
      const children = toTree(items, c.code);
      return { value: c.code, label: c.name, ...(children.length ? { children } : {}) };
    });

/** 分类: the category tree as a cascader; the value is the chosen category's code (any level). */
export function CategoryCascader({
  value,
  onChange,
  categories,
  testId,
  placeholder,
}: {
  value?: string;
  onChange?: (code: string | undefined) => void;
  categories: ReturnType<typeof useCategories>;
  testId?: string;
  placeholder?: string;
}) {
  const { t } = useI18n();
  const options = useMemo(() => toTree(categories.items, null), [categories.items]);
  return (
    <Cascader
      data-testid={testId}
      options={options}
      changeOnSelect
      showSearch
      value={value ? categories.pathOf(value) : undefined}
      onChange={(path) => onChange?.(path?.length ? String(path[path.length - 1]) : undefined)}
      placeholder={placeholder ?? t('hl.pickCategory')}
      style={{ width: '100%' }}
    />
  );
}

type RegionOption = { value: string; label: string; isLeaf: boolean; children?: RegionOption[] };
const regionOption = (r: Pick<Region, 'code' | 'name' | 'childCount'>): RegionOption => ({
  value: r.code,
  label: r.name,
  isLeaf: r.childCount === 0,
});

/**
 * 所在区划: county › town › village as a cascader loading each level on demand below `rootCode`; the value is
 * the chosen region's code (any level).
 */
export function RegionCascader({
  value,
  onChange,
  rootCode = CITY_CODE,
  testId,
}: {
  value?: string;
  onChange?: (code: string | undefined) => void;
  rootCode?: string;
  testId?: string;
}) {
  const { t } = useI18n();
  const [options, setOptions] = useState<RegionOption[]>([]);
  const [path, setPath] = useState<string[]>([]);
  const children = useCallback(
    async (code: string) =>
      (await api.get('/api/regions/{code}/children', { params: { path: { code } }, silent: true })).items
        .filter((r) => r.active)
        .map(regionOption),
    [],
  );
  useEffect(() => {
    void children(rootCode).then(setOptions, () => undefined);
  }, [rootCode, children]);
  useEffect(() => {
    if (!value) setPath([]);
  }, [value]);
  const loadData = async (selected: RegionOption[]) => {
    const target = selected[selected.length - 1];
    if (!target) return;
    const kids = await children(target.value);
    target.children = kids;
    target.isLeaf = kids.length === 0;
    setOptions((o) => [...o]);
  };
  return (
    <Cascader
      data-testid={testId}
      options={options}
      loadData={(s) => void loadData(s as RegionOption[])}
      changeOnSelect
      value={value ? path : undefined}
      onChange={(p) => {
        const codes = (p ?? []).map(String);
        setPath(codes);
        onChange?.(codes[codes.length - 1]);
      }}
      placeholder={t('hl.pickRegion')}
      style={{ width: '100%' }}
    />
  );
}

/**
 * 承办单位: a region's government or a department. In a form the department is looked up by its region; `inline`
 * (a list's filter) puts the kind and the unit on one line and offers the departments of the whole subtree.
 */
export function UnitPicker({
  value,
  onChange,
  rootCode = CITY_CODE,
  testId = 'hl-unit',
  inline,
}: {
  value?: UnitRef;
  onChange?: (unit: UnitRef | undefined) => void;
  rootCode?: string;
  testId?: string;
  inline?: boolean;
}) {
  const { t } = useI18n();
  const [chosenKind, setKind] = useState<UnitRef['kind']>('region');
  // A unit given from outside (the suggested unit, a rule being edited) shows as its own kind.
  const kind = value?.kind ?? chosenKind;
  const [deptRegion, setDeptRegion] = useState<string | undefined>(rootCode);
  const set = (code: string | undefined) => onChange?.(code ? { kind, code } : undefined);
  const changeKind = (k: UnitRef['kind']) => {
    setKind(k);
    onChange?.(undefined);
  };
  const kinds = [
    { value: 'region', label: t(inline ? 'hl.unitKind.regionShort' : 'hl.unitKind.region') },
    { value: 'department', label: t('hl.unitKind.department') },
  ];
  const department = (
    <DepartmentSelect
      valueField="code"
      regionCode={inline ? rootCode : deptRegion}
      value={value?.kind === 'department' ? value.code : undefined}
      onChange={set}
      placeholder={inline ? t('hl.field.unit') : undefined}
      testId={`${testId}-department`}
    />
  );
  const region = (
    <RegionTreeSelect
      rootCode={rootCode}
      value={value?.kind === 'region' ? value.code : undefined}
      onChange={set}
      placeholder={inline ? t('hl.field.unit') : t('hl.pickUnitRegion')}
      testId={`${testId}-region`}
    />
  );
  if (inline)
    return (
      <Space.Compact style={{ width: '100%' }} data-testid={testId}>
        <Select value={kind} onChange={changeKind} options={kinds} style={{ width: 96 }} />
        {kind === 'region' ? region : department}
      </Space.Compact>
    );
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid={testId}>
      <Radio.Group
        value={kind}
        onChange={(e) => changeKind(e.target.value as UnitRef['kind'])}
        options={kinds}
        data-testid={`${testId}-kind`}
      />
      {kind === 'region' ? (
        region
      ) : (
        <>
          <RegionTreeSelect
            rootCode={rootCode}
            value={deptRegion}
            onChange={setDeptRegion}
            testId={`${testId}-dept-region`}
          />
          {department}
        </>
      )}
    </Space>
  );
}

/** The tickets of a list or of a caller: number, type, title, state, unit, caller (masked), deadline. */
export function TicketTable({
  rows,
  loading,
  pagination,
  testId,
  compact,
}: {
  rows: TicketRow[];
  loading?: boolean;
  pagination?: TablePaginationConfig | false;
  testId: string;
  /** Fewer columns (the console's earlier tickets). */
  compact?: boolean;
}) {
  const { t } = useI18n();
  const now = Date.now();
  const columns: ColumnsType<TicketRow> = [
    {
      title: t('hl.col.number'),
      dataIndex: 'number',
      width: 170,
      render: (n: string, r) => (
        <Link to={`/hotline/tickets/${r.id}`} data-testid={`hl-ticket-link-${n}`}>
          {n}
        </Link>
      ),
    },
    { title: t('hl.col.type'), dataIndex: 'type', width: 80, render: (v: TicketType) => <TicketTypeTag type={v} /> },
    { title: t('hl.col.title'), dataIndex: 'title', ellipsis: true },
    {
      title: t('hl.col.state'),
      dataIndex: 'state',
      width: 100,
      render: (s: TicketState) => <TicketStateTag state={s} />,
    },
    ...(compact
      ? []
      : [
          {
            title: t('hl.col.unit'),
            key: 'unit',
            width: 160,
            render: (_: unknown, r: TicketRow) => r.unit?.name ?? '—',
          },
          {
            title: t('hl.col.caller'),
            key: 'caller',
            width: 150,
            render: (_: unknown, r: TicketRow) =>
              r.caller ? [r.caller.name, r.caller.phone].filter(Boolean).join(' ') : t('hl.callerHidden'),
          },
        ]),
    {
      title: t('hl.col.deadline'),
      key: 'deadline',
      width: 100,
      render: (_, r) => <DeadlineBadge state={rowDeadline(r, now)} dueAt={r.dueAt} />,
    },
    { title: t('hl.col.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
  ];
  return (
    <Table<TicketRow>
      rowKey="id"
      size="middle"
      data-testid={testId}
      dataSource={rows}
      loading={loading}
      pagination={pagination}
      columns={columns}
      scroll={{ x: compact ? 700 : 1100 }}
      locale={{ emptyText: <Empty description={t('hl.noTickets')} /> }}
      onRow={(r) =>
        ({ 'data-testid': `hl-row-${r.number}`, 'data-state': r.state }) as React.HTMLAttributes<HTMLElement>
      }
    />
  );
}

/** An entry's answer with where it comes from and how long it is in force. */
export function KbAnswer({ entry }: { entry: Pick<KbEntry, 'answer' | 'sourceDepartment' | 'validFrom' | 'validTo'> }) {
  const { t } = useI18n();
  return (
    <div style={{ marginTop: 6 }}>
      <div style={{ whiteSpace: 'pre-wrap' }}>{entry.answer}</div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {[
          entry.sourceDepartment && t('hl.kb.source', { dept: entry.sourceDepartment }),
          (entry.validFrom || entry.validTo) &&
            t('hl.kb.validity', { from: entry.validFrom ?? '—', to: entry.validTo ?? '—' }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </Typography.Text>
    </div>
  );
}
