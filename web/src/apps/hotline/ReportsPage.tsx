import { Button, Card, Col, DatePicker, Empty, Row, Segmented, Space, Statistic, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ArrowUpOutlined, DownloadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { api, apiUrl } from '../../shared/client';
import { useI18n } from '../../shared/i18n';
import { ErrorResult } from '../../shared/components/common';
import { useFetch } from '../../shared/components/hooks';
import { PageHeader } from '../../shared/components/PageHeader';
import { SvChart } from '../supervision/LazyChart';
import { countBarOption, percent, sharePieOption, type HotlineReport, type UnitFigures } from './reportCharts';
import { TopicWord } from './TopicWord';

const PERIODS = ['day', 'week', 'month'] as const;
type Period = (typeof PERIODS)[number];
const D = 'YYYY-MM-DD';

function ChartCard({ title, children, testId }: { title: ReactNode; children: ReactNode; testId: string }) {
  return (
    <Card size="small" title={title} data-testid={testId} style={{ height: '100%' }}>
      {children}
    </Card>
  );
}

/** 热点分析报告: a day's, week's or month's tickets — volume, types, categories, counties, topics and units. */
export default function ReportsPage() {
  const { t } = useI18n();
  const [period, setPeriod] = useState<Period>('week');
  const [date, setDate] = useState<Dayjs>(() => dayjs());
  const query = { period, date: date.format(D) };
  const report = useFetch<HotlineReport>(
    (signal) => api.get('/api/hotline/reports', { params: { query }, signal, silent: true }),
    [period, query.date],
  );
  const r = report.data;
  const rate = (key: keyof UnitFigures, title: string): ColumnsType<UnitFigures>[number] => ({
    title,
    dataIndex: key,
    align: 'right',
    width: 100,
    sorter: (a, b) => ((a[key] as number | null) ?? -1) - ((b[key] as number | null) ?? -1),
    render: (v: number | null) => percent(v),
  });
  const columns: ColumnsType<UnitFigures> = [
    { title: t('hr.col.unit'), dataIndex: 'name', width: 220 },
    { title: t('hr.col.total'), dataIndex: 'total', align: 'right', width: 90, sorter: (a, b) => a.total - b.total },
    { title: t('hr.col.atOnce'), dataIndex: 'answeredAtOnce', align: 'right', width: 90 },
    rate('signRate', t('hr.col.signRate')),
    rate('onTimeRate', t('hr.col.onTimeRate')),
    rate('solvedRate', t('hr.col.solvedRate')),
    rate('satisfiedRate', t('hr.col.satisfiedRate')),
    rate('reopenRate', t('hr.col.reopenRate')),
  ];
  const topCount = r?.topics[0]?.count ?? 1;
  const chart = (items: { name: string; count: number }[], testId: string, horizontal = false) =>
    items.length ? (
      <SvChart
        option={countBarOption(
          items.map((i) => i.name),
          items.map((i) => i.count),
          t('hr.count'),
          { horizontal },
        )}
        height={260}
        testId={testId}
      />
    ) : (
      <Empty />
    );

  return (
    <div data-testid="hr-reports">
      <PageHeader
        title={t('hr.title')}
        action={
          <Space>
            <Button
              icon={<DownloadOutlined />}
              href={apiUrl('/api/hotline/reports.pdf', { query })}
              download
              data-testid="hr-pdf"
            >
              {t('hr.pdf')}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              href={apiUrl('/api/hotline/reports.xlsx', { query })}
              download
              data-testid="hr-xlsx"
            >
              {t('hr.xlsx')}
            </Button>
          </Space>
        }
      />
      <div className="toolbar">
        <Segmented<Period>
          value={period}
          onChange={setPeriod}
          options={PERIODS.map((p) => ({
            value: p,
            label: <span data-testid={`hr-period-${p}`}>{t(`hr.period.${p}`)}</span>,
          }))}
        />
        <DatePicker
          picker={period === 'day' ? 'date' : period}
          value={date}
          allowClear={false}
          onChange={(d) => d && setDate(d)}
          data-testid="hr-date"
        />
        {r && <span data-testid="hr-range">{t('hr.range', { from: r.from, to: r.to })}</span>}
      </div>
      {report.error ? (
        <ErrorResult error={report.error} onRetry={report.reload} />
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Row gutter={[16, 16]}>
            <Col xs={24} sm={8}>
              <Card size="small" loading={!r}>
                <Statistic title={t('hr.total')} value={r?.total} data-testid="hr-total" />
                <span style={{ color: '#8c8c8c' }}>{t('hr.previous', { n: r?.previousTotal ?? 0 })}</span>
              </Card>
            </Col>
            <Col xs={24} sm={8}>
              <Card size="small" loading={!r}>
                <Statistic title={t('hr.atOnce')} value={r?.answeredAtOnce} />
              </Card>
            </Col>
            <Col xs={24} sm={8}>
              <Card size="small" loading={!r}>
                <Statistic title={t('hr.atOnceRate')} value={percent(r?.answeredAtOnceRate ?? null)} />
              </Card>
            </Col>
          </Row>
          {r && (
            <>
              <ChartCard title={t('hr.byDay')} testId="hr-by-day">
                <SvChart
                  option={countBarOption(
                    r.byDay.map((d) => d.day.slice(5)),
                    r.byDay.map((d) => d.count),
                    t('hr.count'),
                    { color: '#c8102e' },
                  )}
                  height={240}
                />
              </ChartCard>
              <Row gutter={[16, 16]}>
                <Col xs={24} lg={8}>
                  <ChartCard title={t('hr.byType')} testId="hr-by-type">
                    {r.byType.length ? <SvChart option={sharePieOption(r.byType)} height={260} /> : <Empty />}
                  </ChartCard>
                </Col>
                <Col xs={24} lg={8}>
                  <ChartCard title={t('hr.byCategory')} testId="hr-by-category">
                    {chart(r.byCategory, 'hr-chart-category', true)}
                  </ChartCard>
                </Col>
                <Col xs={24} lg={8}>
                  <ChartCard title={t('hr.byRegion')} testId="hr-by-region">
                    {chart(r.byRegion, 'hr-chart-region', true)}
                  </ChartCard>
                </Col>
              </Row>
              <Row gutter={[16, 16]}>
                <Col xs={24} lg={16}>
                  <ChartCard title={t('hr.topics')} testId="hr-topics">
                    {r.topics.length ? (
                      <div style={{ lineHeight: 2.2 }}>
                        {r.topics.map((x) => (
                          <TopicWord key={x.word} topic={x} top={topCount} />
                        ))}
                      </div>
                    ) : (
                      <Empty description={t('hr.noTopics')} />
                    )}
                  </ChartCard>
                </Col>
                <Col xs={24} lg={8}>
                  <ChartCard title={t('hr.rising')} testId="hr-rising">
                    {r.rising.length ? (
                      <ol style={{ paddingLeft: 20, margin: 0 }}>
                        {r.rising.map((x) => (
                          <li key={x.word} data-testid={`hr-rising-${x.word}`}>
                            {x.word} <ArrowUpOutlined style={{ color: '#cf1322' }} /> {x.change}
                            <span style={{ color: '#8c8c8c' }}>
                              {' '}
                              （{x.previousShare}% → {x.share}%）
                            </span>
                          </li>
                        ))}
                      </ol>
                    ) : (
                      <Empty description={t('hr.noTopics')} />
                    )}
                  </ChartCard>
                </Col>
              </Row>
            </>
          )}
          <Card size="small" title={t('hr.units')}>
            <Table<UnitFigures>
              rowKey={(u) => u.key || '__centre'}
              size="small"
              bordered
              loading={report.loading}
              dataSource={r?.units ?? []}
              columns={columns}
              pagination={false}
              scroll={{ x: 900 }}
              data-testid="hr-units"
            />
          </Card>
        </Space>
      )}
    </div>
  );
}
