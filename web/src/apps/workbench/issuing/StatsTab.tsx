import { Button, Card, Col, DatePicker, Empty, Row, Segmented, Statistic, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { lazy, Suspense, useState } from 'react';
import type { Dayjs } from 'dayjs';
import { api, apiUrl } from '../../../shared/client';
import { useI18n } from '../../../shared/i18n';
import { useFetch } from '../../../shared/components/hooks';
import { ErrorResult, PageLoading } from '../../../shared/components/common';
import type { Stats, StatsGroup, StatsRow } from './types';

const BarChart = lazy(() => import('../../../shared/components/charts/MonthBarChart'));
const GROUPS: StatsGroup[] = ['carrier', 'department', 'region'];

const yuan = (cents: number) => (cents / 100).toFixed(2);

/** 免费寄递统计: totals as cards, free vs paid waybills per group as a stacked bar chart, the table, Excel export. */
export function StatsTab() {
  const { t } = useI18n();
  const [groupBy, setGroupBy] = useState<StatsGroup>('carrier');
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const query = { groupBy, from: range?.[0].format('YYYY-MM-DD'), to: range?.[1].format('YYYY-MM-DD') };
  const stats = useFetch<Stats>(
    (signal) => api.get('/api/issuing/stats', { params: { query }, signal }),
    [groupBy, query.from, query.to],
  );
  const s = stats.data;

  return (
    <div data-testid="iss-stats">
      <div className="toolbar">
        <Segmented<StatsGroup>
          value={groupBy}
          onChange={setGroupBy}
          options={GROUPS.map((g) => ({
            value: g,
            label: <span data-testid={`iss-stats-group-${g}`}>{t(`iss.groupBy.${g}`)}</span>,
          }))}
        />
        <DatePicker.RangePicker
          value={range}
          onChange={(v) => setRange(v?.[0] && v[1] ? [v[0], v[1]] : null)}
          data-testid="iss-stats-range"
        />
        <Button
          icon={<DownloadOutlined />}
          href={apiUrl('/api/issuing/stats.xlsx', { query })}
          download
          data-testid="iss-stats-export"
        >
          {t('iss.stat.export')}
        </Button>
      </div>
      {stats.error ? (
        <ErrorResult error={stats.error} onRetry={stats.reload} />
      ) : !s ? (
        <PageLoading />
      ) : (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
            {[
              { key: 'count', title: t('iss.stat.count'), value: s.total.count },
              { key: 'free', title: t('iss.stat.free'), value: s.total.freeCount },
              { key: 'delivered', title: t('iss.stat.delivered'), value: s.total.deliveredCount },
              { key: 'fee', title: t('iss.stat.fee'), value: yuan(s.total.totalFeeCents) },
              { key: 'days', title: t('iss.stat.avgDays'), value: s.total.avgDaysGrantToReceipt ?? '—' },
            ].map((c) => (
              <Col key={c.key} xs={12} md={8} xl={4}>
                <Card size="small" data-testid={`iss-stat-${c.key}`}>
                  <Statistic title={c.title} value={c.value} />
                </Card>
              </Col>
            ))}
          </Row>
          {s.rows.length ? (
            <>
              <Card size="small" title={t('iss.stat.chart')} style={{ marginBottom: 12 }}>
                <Suspense fallback={<PageLoading />}>
                  <BarChart
                    labels={s.rows.map((r) => r.label)}
                    series={[
                      { name: t('iss.stat.free'), data: s.rows.map((r) => r.freeCount), color: '#52c41a' },
                      { name: t('iss.stat.paid'), data: s.rows.map((r) => r.count - r.freeCount), color: '#1677ff' },
                    ]}
                  />
                </Suspense>
              </Card>
              <Table<StatsRow>
                rowKey="key"
                size="small"
                pagination={false}
                data-testid="iss-stats-table"
                dataSource={s.rows}
                summary={() => (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0}>{s.total.label}</Table.Summary.Cell>
                    <Table.Summary.Cell index={1}>{s.total.count}</Table.Summary.Cell>
                    <Table.Summary.Cell index={2}>{s.total.freeCount}</Table.Summary.Cell>
                    <Table.Summary.Cell index={3}>{s.total.deliveredCount}</Table.Summary.Cell>
                    <Table.Summary.Cell index={4}>{yuan(s.total.totalFeeCents)}</Table.Summary.Cell>
                    <Table.Summary.Cell index={5}>{s.total.avgDaysGrantToReceipt ?? '—'}</Table.Summary.Cell>
                  </Table.Summary.Row>
                )}
                columns={[
                  { title: t(`iss.groupBy.${groupBy}`), dataIndex: 'label', key: 'label' },
                  { title: t('iss.stat.count'), dataIndex: 'count', key: 'count' },
                  { title: t('iss.stat.free'), dataIndex: 'freeCount', key: 'free' },
                  { title: t('iss.stat.delivered'), dataIndex: 'deliveredCount', key: 'delivered' },
                  { title: t('iss.stat.fee'), dataIndex: 'totalFeeCents', key: 'fee', render: (c: number) => yuan(c) },
                  {
                    title: t('iss.stat.avgDays'),
                    dataIndex: 'avgDaysGrantToReceipt',
                    key: 'days',
                    render: (d: number | null) => d ?? '—',
                  },
                ]}
              />
            </>
          ) : (
            <Empty data-testid="iss-stats-empty" description={t('iss.emptyStats')} />
          )}
        </>
      )}
    </div>
  );
}
