import { Card, DatePicker, Segmented, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../shared/client';
import { ErrorResult } from '../../shared/components/common';
import { useFetch } from '../../shared/components/hooks';
import { PageHeader } from '../../shared/components/PageHeader';
import { useI18n, type MessageKey } from '../../shared/i18n';
import { SvChart } from '../supervision/LazyChart';
import type { FigureRow } from './hotlineApi';

const GROUPS = ['unit', 'category', 'region'] as const;
type Group = (typeof GROUPS)[number];
type RateKey = 'signRate' | 'onTimeRate' | 'solvedRate' | 'satisfiedRate' | 'reopenRate';
const RATES: RateKey[] = ['signRate', 'onTimeRate', 'solvedRate', 'satisfiedRate', 'reopenRate'];
const RATE_COLORS: Record<RateKey, string> = {
  signRate: '#1677ff',
  onTimeRate: '#52c41a',
  solvedRate: '#13c2c2',
  satisfiedRate: '#faad14',
  reopenRate: '#f5222d',
};
const D = 'YYYY-MM-DD';
const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)}%`);

/** 统计: the hotline's figures of the period by unit, top-level category or county, as a table and a chart. */
export default function FiguresPage() {
  const { t } = useI18n();
  const [groupBy, setGroupBy] = useState<Group>('unit');
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('month'), dayjs()]);
  const query = { groupBy, from: range[0].format(D), to: range[1].format(D) };
  const figures = useFetch(
    (signal) => api.get('/api/hotline/figures', { params: { query }, signal, silent: true }),
    [JSON.stringify(query)],
  );
  const rows = figures.data ?? [];
  const rateLabel = (k: RateKey) => t(`hl.fig.${k}` as MessageKey);
  const columns: ColumnsType<FigureRow> = [
    { title: t(`hl.fig.group.${groupBy}`), dataIndex: 'name', fixed: 'left', width: 200 },
    { title: t('hl.fig.total'), dataIndex: 'total', align: 'right', width: 90, sorter: (a, b) => a.total - b.total },
    { title: t('hl.fig.answeredAtOnce'), dataIndex: 'answeredAtOnce', align: 'right', width: 100 },
    ...RATES.map((k) => ({
      title: rateLabel(k),
      dataIndex: k,
      align: 'right' as const,
      width: 110,
      sorter: (a: FigureRow, b: FigureRow) => (a[k] ?? -1) - (b[k] ?? -1),
      render: (v: number | null) => pct(v),
    })),
  ];
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => `${v}%` },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 36, bottom: 60 },
    xAxis: {
      type: 'category',
      data: rows.map((r) => r.name),
      axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 },
    },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: RATES.map((k) => ({
      name: rateLabel(k),
      type: 'bar',
      barMaxWidth: 18,
      itemStyle: { color: RATE_COLORS[k] },
      data: rows.map((r) => r[k]),
    })),
  };
  return (
    <div data-testid="hl-figures">
      <PageHeader title={t('hl.fig.title')} />
      <div className="toolbar">
        <Segmented<Group>
          value={groupBy}
          onChange={setGroupBy}
          options={GROUPS.map((g) => ({ value: g, label: t(`hl.fig.by.${g}`) }))}
          data-testid="hl-fig-group"
        />
        <DatePicker.RangePicker
          value={range}
          allowClear={false}
          onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
          data-testid="hl-fig-range"
        />
      </div>
      {figures.error ? (
        <ErrorResult error={figures.error} onRetry={figures.reload} />
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Card size="small">
            <SvChart option={option} height={320} testId="hl-fig-chart" />
          </Card>
          <Table<FigureRow>
            rowKey="key"
            size="middle"
            data-testid="hl-fig-table"
            dataSource={rows}
            loading={figures.loading}
            pagination={false}
            columns={columns}
            scroll={{ x: 900 }}
            locale={{ emptyText: t('hl.fig.none') }}
          />
        </Space>
      )}
    </div>
  );
}
