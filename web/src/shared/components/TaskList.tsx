/**
 * The paged list of 督查督办 problems with their measures (filtered and paged on the server). Supervisors
 * see their region's problems; department staff the measures their department leads or assists.
 */
import { Empty, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../auth';
import { addMessages, useI18n } from '../i18n';
import { tasksZh } from '../i18n/tasks.zh-CN';
import { CITY_CODE } from '../types';
import {
  leadsMeasure,
  MEASURE_STATUSES,
  useMyDepartmentCode,
  type Measure,
  type MeasureStatus,
  type TaskProblem,
} from '../tasks';
import { ErrorResult } from './common';
import { useDebounced, usePagedList } from './hooks';
import { ListToolbar } from './ListPage';
import { DepartmentSelect } from './selects';
import { DeadlineText, MeasureStatusTag } from './TaskParts';
import './tasks.css';

addMessages(tasksZh);

interface TaskFilters {
  q?: string;
  status?: MeasureStatus;
  department?: string;
  overdue?: boolean;
  longTerm?: boolean;
}

/** The filters as the list and the Excel export take them. */
export const taskQuery = (f: TaskFilters) => ({
  q: f.q || undefined,
  status: f.status,
  departmentCode: f.department,
  overdue: f.overdue ? 'true' : undefined,
  longTerm: f.longTerm === undefined ? undefined : String(f.longTerm),
});

export function TaskList({
  mode,
  detailPath,
  actions,
}: {
  mode: 'supervisor' | 'department';
  /** Where a problem opens: `${detailPath}/${id}`. */
  detailPath: string;
  /** More toolbar buttons, given the current query (e.g. the Excel export of what is shown). */
  actions?: (query: ReturnType<typeof taskQuery>) => ReactNode;
}) {
  const { t } = useI18n();
  const { user } = useAuth();
  const navigate = useNavigate();
  const myCode = useMyDepartmentCode(mode === 'department' ? user?.scope.departmentId : null);
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<MeasureStatus | undefined>();
  const [department, setDepartment] = useState<string | undefined>();
  const [overdue, setOverdue] = useState(false);
  const [longTerm, setLongTerm] = useState<boolean | undefined>();
  const search = useDebounced(q.trim());
  const query = taskQuery({ q: search, status, department, overdue, longTerm });
  const list = usePagedList('/api/supervision/tasks', query);
  // Department staff see their measures unfolded; supervisors unfold a problem on demand.
  const [toggled, setToggled] = useState<Set<string>>(new Set());
  const items = list.data?.items ?? [];
  const expanded = items.filter((p) => (mode === 'department') !== toggled.has(p.id)).map((p) => p.id);
  const toggle = (id: string) =>
    setToggled((s) => {
      const n = new Set(s);
      if (!n.delete(id)) n.add(id);
      return n;
    });

  const count = (ms: Measure[], s: MeasureStatus) => ms.filter((m) => m.status === s).length;
  const columns: ColumnsType<TaskProblem> = [
    { title: t('tk.col.number'), dataIndex: 'number', width: 70 },
    {
      title: t('tk.col.problem'),
      dataIndex: 'title',
      render: (title: string, p) => (
        <Space direction="vertical" size={0}>
          <Typography.Link data-testid={`tk-open-${p.number}`}>{title}</Typography.Link>
          {p.category && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {p.category}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('tk.col.measures'),
      key: 'measures',
      width: 240,
      render: (_, p) => (
        <Space direction="vertical" size={0}>
          <span>{t('tk.measureCount', { n: p.measures.length })}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('tk.statusSummary', {
              open: count(p.measures, 'open'),
              overdue: count(p.measures, 'overdue'),
              done: count(p.measures, 'done'),
            })}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('tk.col.lead'),
      key: 'lead',
      width: 260,
      ellipsis: true,
      render: (_, p) => [...new Set(p.measures.map((m) => m.leadUnits))].join('；'),
    },
  ];

  const measureColumns: ColumnsType<Measure> = [
    { title: t('tk.col.number'), key: 'n', width: 70, render: (_, m) => `${m.number}` },
    { title: t('tk.col.measure'), dataIndex: 'content', ellipsis: true },
    ...(mode === 'department'
      ? [
          {
            title: t('tk.col.role'),
            key: 'role',
            width: 90,
            render: (_: unknown, m: Measure) =>
              leadsMeasure(m, myCode) ? <Tag color="red">{t('tk.role.lead')}</Tag> : <Tag>{t('tk.role.assist')}</Tag>,
          },
        ]
      : [{ title: t('tk.col.lead'), dataIndex: 'leadUnits', width: 220, ellipsis: true }]),
    { title: t('tk.col.deadline'), key: 'deadline', width: 140, render: (_, m) => <DeadlineText m={m} /> },
    {
      title: t('tk.col.status'),
      key: 'status',
      width: 150,
      render: (_, m) => (
        <Space size={4}>
          <MeasureStatusTag status={m.status} />
          {m.urgeCount > 0 && <Tag color="orange">{t('tk.urged', { n: m.urgeCount })}</Tag>}
        </Space>
      ),
    },
  ];

  return (
    <div data-testid="tk-list">
      <ListToolbar testPrefix="tk" q={q} onQ={setQ} placeholder={t('tk.search')} searchWidth={260}>
        <Select
          allowClear
          style={{ width: 130 }}
          placeholder={t('tk.allStates')}
          value={status}
          onChange={setStatus}
          options={MEASURE_STATUSES.map((s) => ({ value: s, label: t(`tk.status.${s}`) }))}
          data-testid="tk-filter-status"
        />
        {mode === 'supervisor' && (
          <div style={{ width: 220 }} className="tk-fill">
            <DepartmentSelect
              valueField="code"
              regionCode={user?.scope.regionCode ?? CITY_CODE}
              value={department}
              onChange={(v: string | undefined) => setDepartment(v)}
              placeholder={t('tk.allDepartments')}
              testId="tk-filter-department"
            />
          </div>
        )}
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('tk.longTermAll')}
          value={longTerm === undefined ? undefined : String(longTerm)}
          onChange={(v: string | undefined) => setLongTerm(v === undefined ? undefined : v === 'true')}
          options={[
            { value: 'true', label: t('tk.longTermYes') },
            { value: 'false', label: t('tk.longTermNo') },
          ]}
          data-testid="tk-filter-longterm"
        />
        <Space size={4}>
          <Switch checked={overdue} onChange={setOverdue} data-testid="tk-filter-overdue" />
          <span>{t('tk.overdueOnly')}</span>
        </Space>
        {actions?.(query)}
      </ListToolbar>
      {list.error ? (
        <ErrorResult error={list.error} onRetry={list.reload} />
      ) : (
        <Table<TaskProblem>
          rowKey="id"
          size="middle"
          data-testid="tk-table"
          dataSource={items}
          loading={list.loading}
          pagination={list.pagination}
          columns={columns}
          locale={{
            emptyText: (
              <Empty description={mode === 'department' ? t('tk.emptyMine') : t('tk.empty')} data-testid="tk-empty" />
            ),
          }}
          expandable={{
            expandedRowRender: (p) => (
              <Table<Measure>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={p.measures}
                columns={measureColumns}
                onRow={(m) =>
                  ({
                    'data-testid': `tk-measure-row-${p.number}-${m.number}`,
                    'data-status': m.status,
                    onClick: () => navigate(`${detailPath}/${p.id}`),
                    style: { cursor: 'pointer' },
                  }) as React.HTMLAttributes<HTMLElement>
                }
              />
            ),
            expandedRowKeys: expanded,
            onExpand: (_, p) => toggle(p.id),
          }}
          onRow={(p) =>
            ({
              'data-testid': `tk-row-${p.number}`,
              onClick: () => navigate(`${detailPath}/${p.id}`),
              style: { cursor: 'pointer' },
            }) as React.HTMLAttributes<HTMLElement>
          }
        />
      )}
    </div>
  );
}
