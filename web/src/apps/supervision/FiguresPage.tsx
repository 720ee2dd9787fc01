import { Button, Card, DatePicker, Empty, Segmented, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, apiUrl } from '../../shared/client';
import { useAuth } from '../../shared/auth';
import { useI18n } from '../../shared/i18n';
import { ErrorResult } from '../../shared/components/common';
import { useFetch } from '../../shared/components/hooks';
import { PageHeader } from '../../shared/components/PageHeader';
import { RegionTreeSelect } from '../../shared/components/RegionTreeSelect';
import { CITY_CODE } from '../../shared/types';
import { num, pct, svRoles, type Figures, type FiguresRow } from './svApi';
import { SvChart } from './LazyChart';
import { rateBarOption } from './charts';

const GROUPS = ['region', 'department', 'hall', 'clerk', 'item'] as const;
type Group = (typeof GROUPS)[number];
const D = 'YYYY-MM-DD';

/** 效能统计: figures of the caller's scope grouped by region, department, hall, clerk or item. */
export default function FiguresPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const r = svRoles(user);
  const [groupBy, setGroupBy] = useState<Group>(r.supervisor ? 'region' : 'department');
  // No range: the server's default period (first of the month to today, Asia/Shanghai).
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const [region, setRegion] = useState<string | undefined>(undefined);
  const query = { groupBy, from: range?.[0].format(D), to: range?.[1].format(D), regionCode: region };
  const figures = useFetch<Figures>(
    (signal) => api.get('/api/supervision/figures', { params: { query }, signal, silent: true }),
    [JSON.stringify(query)],
  );
  const rows = figures.data?.rows ?? [];

  const rate = (key: keyof FiguresRow, title: string): ColumnsType<FiguresRow>[number] => ({
    title,
    dataIndex: key,
    align: 'right',
    width: 96,
    sorter: (a, b) => ((a[key] as number | null) ?? -1) - ((b[key] as number | null) ?? -1),
    render: (v: number | null) => pct(v),
  });
  const count = (key: keyof FiguresRow, title: string): ColumnsType<FiguresRow>[number] => ({
    title,
    dataIndex: key,
    align: 'right',
    width: 80,
    sorter: (a, b) => (a[key] as number) - (b[key] as number),
  });
  const avg = (key: keyof FiguresRow, title: string): ColumnsType<FiguresRow>[number] => ({
    title,
    dataIndex: key,
    align: 'right',
    width: 100,
    render: (v: number | null) => num(v),
  });
  const columns: ColumnsType<FiguresRow> = [
    {
      title: t(`sv.group.${groupBy}`),
      dataIndex: 'label',
      fixed: 'left',
      width: 200,
      render: (l: string, row) => l || row.key || t('sv.fig.none'),
    },
    count('received', t('sv.fig.received')),
    count('accepted', t('sv.fig.accepted')),
    count('completed', t('sv.fig.completed')),
    rate('onlineShare', t('sv.fig.onlineShare')),
    rate('zeroVisitShare', t('sv.fig.zeroVisitShare')),
    rate('immediateShare', t('sv.fig.immediateShare')),
    rate('onTimeRate', t('sv.fig.onTimeRate')),
    rate('earlyRate', t('sv.fig.earlyRate')),
    count('overdue', t('sv.fig.overdue')),
    rate('overdueRate', t('sv.fig.overdueRate')),
    avg('avgWorkingDaysUsed', t('sv.fig.avgWorkingDaysUsed')),
    avg('avgPromisedDays', t('sv.fig.avgPromisedDays')),
  ];
  const exportHref = apiUrl('/api/supervision/figures.xlsx', { query });
  const chartRows = rows.filter((x) => x.completed > 0);

  return (
    <div data-testid="sv-figures">
      <PageHeader
        title={t('sv.figures.title')}
        action={
          <Button icon={<DownloadOutlined />} href={exportHref} download data-testid="sv-figures-export">
            {t('sv.export')}
          </Button>
        }
      />
      <div className="toolbar">
        <Segmented<Group>
          value={groupBy}
          onChange={setGroupBy}
          options={GROUPS.map((g) => ({
            value: g,
            label: <span data-testid={`sv-figures-group-${g}`}>{t(`sv.group.${g}`)}</span>,
          }))}
          data-testid="sv-figures-groupby"
        />
        <DatePicker.RangePicker
          value={range ?? (figures.data ? [dayjs(figures.data.from), dayjs(figures.data.to)] : null)}
          allowClear={false}
          onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
          data-testid="sv-figures-range"
        />
        {r.supervisor && (
          <RegionTreeSelect
            value={region}
            onChange={setRegion}
            rootCode={user?.scope.regionCode ?? CITY_CODE}
            placeholder={t('sv.allRegions')}
            style={{ width: 200 }}
            testId="sv-figures-region"
          />
        )}
      </div>
      {figures.error ? (
        <ErrorResult error={figures.error} onRetry={figures.reload} />
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Card size="small" title={t('sv.chart.onTimeRate')}>
            {figures.loading && !figures.data ? (
              <div style={{ height: 260 }} />
            ) : chartRows.length ? (
              <SvChart
                option={rateBarOption(
                  chartRows.map((x) => x.label || x.key || t('sv.fig.none')),
                  chartRows.map((x) => x.onTimeRate),
                  t('sv.fig.onTimeRate'),
                )}
                height={260}
                testId="sv-figures-chart"
              />
            ) : (
              <Empty description={t('sv.fig.noCompleted')} data-testid="sv-figures-chart-empty" />
            )}
          </Card>
          <Table<FiguresRow>
            rowKey={(x) => x.key ?? '__none'}
            size="small"
            bordered
            data-testid="sv-figures-table"
            loading={figures.loading}
            dataSource={rows}
            columns={columns}
            scroll={{ x: 1400 }}
            pagination={{ pageSize: 20, showSizeChanger: true, showTotal: (n) => t('common.total', { n }) }}
            locale={{ emptyText: <Empty description={t('sv.fig.empty')} data-testid="sv-figures-empty" /> }}
            onRow={(x) => ({ 'data-testid': `sv-figures-row-${x.key ?? 'none'}` }) as React.HTMLAttributes<HTMLElement>}
            summary={() =>
              figures.data && rows.length ? (
                <Table.Summary fixed>
                  <Table.Summary.Row data-testid="sv-figures-total">
                    <Table.Summary.Cell index={0}>
                      <Typography.Text strong>{t('sv.fig.total')}</Typography.Text>
                    </Table.Summary.Cell>
                    {columns.slice(1).map((c, i) => {
                      const key = (c as { dataIndex: keyof FiguresRow }).dataIndex;
                      const v = figures.data!.total[key];
                      const isRate = /Share|Rate$/.test(String(key));
                      const isAvg = String(key).startsWith('avg');
                      return (
                        <Table.Summary.Cell key={String(key)} index={i + 1} align="right">
                          <Typography.Text strong>
                            {isRate ? pct(v as number | null) : isAvg ? num(v as number | null) : String(v)}
                          </Typography.Text>
                        </Table.Summary.Cell>
                      );
                    })}
                  </Table.Summary.Row>
                </Table.Summary>
              ) : null
            }
          />
          {figures.data && (
            <Typography.Text type="secondary">
              {t('sv.fig.period', { from: figures.data.from, to: figures.data.to })}
            </Typography.Text>
          )}
        </Space>
      )}
    </div>
  );
}
