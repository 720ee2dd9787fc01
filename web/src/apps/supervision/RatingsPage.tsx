import { Alert, Button, Card, DatePicker, Empty, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DownloadOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, apiUrl } from '../../shared/client';
import { useI18n } from '../../shared/i18n';
import { ErrorResult } from '../../shared/components/common';
import { useFetch } from '../../shared/components/hooks';
import { PageHeader } from '../../shared/components/PageHeader';
import { pct, type RatingsLine, type RatingsSummary } from './svApi';
import { SvChart } from './LazyChart';
import { rateBarOption } from './charts';

const D = 'YYYY-MM-DD';
const GRADES = ['5', '4', '3', '2', '1'] as const;

/** 好差评统计: per department counts and satisfaction rate (the public summary). */
export default function RatingsPage() {
  const { t } = useI18n();
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const query = { groupBy: 'department' as const, from: range?.[0].format(D), to: range?.[1].format(D) };
  const summary = useFetch<RatingsSummary>(
    (signal) => api.get('/api/ratings/summary', { params: { query }, signal, silent: true }),
    [JSON.stringify(query)],
  );
  const items = summary.data?.items ?? [];
  const columns: ColumnsType<RatingsLine> = [
    {
      title: t('common.department'),
      dataIndex: 'departmentName',
      fixed: 'left',
      width: 220,
      render: (n: string | null, x) => n ?? x.departmentCode,
    },
    { title: t('sv.rat.total'), dataIndex: 'total', align: 'right', width: 80, sorter: (a, b) => a.total - b.total },
    { title: t('sv.rat.excluded'), dataIndex: 'excluded', align: 'right', width: 90 },
    { title: t('sv.rat.counted'), dataIndex: 'counted', align: 'right', width: 90 },
    ...GRADES.map((g) => ({
      title: t(`sv.rat.grade${g}`),
      key: `g${g}`,
      align: 'right' as const,
      width: 90,
      render: (_: unknown, x: RatingsLine) => x.counts[g],
    })),
    { title: t('sv.rat.good'), dataIndex: 'good', align: 'right', width: 80 },
    { title: t('sv.rat.bad'), dataIndex: 'bad', align: 'right', width: 80 },
    {
      title: t('sv.rat.satisfactionRate'),
      dataIndex: 'satisfactionRate',
      align: 'right',
      width: 100,
      sorter: (a, b) => (a.satisfactionRate ?? -1) - (b.satisfactionRate ?? -1),
      render: (v: number | null) => pct(v),
    },
    {
      title: t('sv.rat.badRate'),
      dataIndex: 'badRate',
      align: 'right',
      width: 90,
      render: (v: number | null) => pct(v),
    },
  ];
  const chartRows = items.filter((x) => x.counted > 0);

  return (
    <div data-testid="sv-ratings">
      <PageHeader
        title={t('sv.ratings.title')}
        action={
          <Button
            icon={<DownloadOutlined />}
            href={apiUrl('/api/ratings/summary.xlsx', { query })}
            download
            data-testid="sv-ratings-export"
          >
            {t('sv.export')}
          </Button>
        }
      />
      <div className="toolbar">
        <DatePicker.RangePicker
          value={range}
          onChange={(v) => setRange(v?.[0] && v[1] ? [v[0], v[1]] : null)}
          data-testid="sv-ratings-range"
        />
      </div>
      {summary.error ? (
        <ErrorResult error={summary.error} onRetry={summary.reload} />
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          {summary.data && (
            <Alert type="info" showIcon message={summary.data.definition} data-testid="sv-ratings-definition" />
          )}
          <Card size="small" title={t('sv.chart.satisfaction')}>
            {summary.loading && !summary.data ? (
              <div style={{ height: 260 }} />
            ) : chartRows.length ? (
              <SvChart
                option={rateBarOption(
                  chartRows.map((x) => x.departmentName ?? x.departmentCode),
                  chartRows.map((x) => x.satisfactionRate),
                  t('sv.rat.satisfactionRate'),
                  '#389e0d',
                )}
                height={260}
                testId="sv-ratings-chart"
              />
            ) : (
              <Empty description={t('sv.rat.empty')} data-testid="sv-ratings-chart-empty" />
            )}
          </Card>
          <Table<RatingsLine>
            rowKey="departmentCode"
            size="small"
            bordered
            data-testid="sv-ratings-table"
            loading={summary.loading}
            dataSource={items}
            columns={columns}
            scroll={{ x: 1200 }}
            pagination={{ pageSize: 20, showSizeChanger: true, showTotal: (n) => t('common.total', { n }) }}
            locale={{ emptyText: <Empty description={t('sv.rat.empty')} data-testid="sv-ratings-empty" /> }}
            onRow={(x) =>
              ({ 'data-testid': `sv-ratings-row-${x.departmentCode}` }) as React.HTMLAttributes<HTMLElement>
            }
            summary={() =>
              summary.data && items.length ? (
                <Table.Summary.Row data-testid="sv-ratings-total">
                  <Table.Summary.Cell index={0}>
                    <Typography.Text strong>{t('sv.fig.total')}</Typography.Text>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">
                    {summary.data.total.total}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={2} align="right">
                    {summary.data.total.excluded}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={3} align="right">
                    {summary.data.total.counted}
                  </Table.Summary.Cell>
                  {GRADES.map((g, i) => (
                    <Table.Summary.Cell key={g} index={4 + i} align="right">
                      {summary.data!.total.counts[g]}
                    </Table.Summary.Cell>
                  ))}
                  <Table.Summary.Cell index={9} align="right">
                    {summary.data.total.good}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={10} align="right">
                    {summary.data.total.bad}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={11} align="right">
                    {pct(summary.data.total.satisfactionRate)}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={12} align="right">
                    {pct(summary.data.total.badRate)}
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              ) : null
            }
          />
        </Space>
      )}
    </div>
  );
}
