import { Button, Collapse, Empty, Input, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, apiUrl, type Res } from '../client';
import { useAuth } from '../auth';
import { useI18n } from '../i18n';
import { CITY_CODE } from '../types';
import { ErrorResult, formatDateTime, PageLoading } from './common';
import { useFetch } from './hooks';
import { PageHeader } from './ListPage';
import { RegionTreeSelect } from './RegionTreeSelect';

type Severity = 'error' | 'warning';

export type AlignmentReport = Res<'/api/reports/item-alignment'>;
/** One mismatch of `GET /api/reports/item-alignment`. */
export type AlignmentFinding = AlignmentReport['levels'][number]['findings'][number];

export interface AlignmentFilter {
  rule?: string;
  severity?: Severity;
  text?: string;
}

/** The findings a level shows under the page's filters (rule, severity, item name or code). */
export function filterFindings(findings: readonly AlignmentFinding[], f: AlignmentFilter): AlignmentFinding[] {
  const text = f.text?.trim().toLowerCase();
  return findings.filter(
    (x) =>
      (!f.rule || x.rule === f.rule) &&
      (!f.severity || x.severity === f.severity) &&
      (!text || x.itemName.toLowerCase().includes(text) || x.itemCode.toLowerCase().includes(text)),
  );
}

/**
 * 事项对齐 (四级事项清单对应检查): per level the items whose accepting and deciding configuration does not
 * match, with the reason; filters; export of the whole report to Excel. `itemHref` links an item (the
 * administrator's editor, or else the public guide).
 */
export default function ItemAlignmentReport({
  itemHref = (code: string) => `/items/${encodeURIComponent(code)}`,
}: {
  itemHref?: (code: string) => string;
}) {
  const { t } = useI18n();
  const { user } = useAuth();
  const root = user?.scope.regionCode ?? CITY_CODE;
  const [region, setRegion] = useState<string | undefined>(undefined);
  const [filter, setFilter] = useState<AlignmentFilter>({});
  const [level, setLevel] = useState<string | undefined>(undefined);
  const report = useFetch<AlignmentReport>(
    (signal) =>
      api.get('/api/reports/item-alignment', { params: { query: { regionCode: region } }, signal, silent: true }),
    [region],
  );
  const data = report.data;
  const set = (patch: AlignmentFilter) => setFilter((f) => ({ ...f, ...patch }));

  const columns: ColumnsType<AlignmentFinding> = [
    {
      title: t('al.col.item'),
      key: 'item',
      width: 260,
      render: (_, f) => (
        <Space direction="vertical" size={0}>
          <Link to={itemHref(f.itemCode)}>{f.itemName}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {f.itemCode}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('al.col.type'), dataIndex: 'typeLabel', key: 'type', width: 120 },
    { title: t('al.col.rule'), dataIndex: 'ruleTitle', key: 'rule', width: 200 },
    {
      title: t('al.col.severity'),
      dataIndex: 'severity',
      key: 'severity',
      width: 80,
      render: (s: Severity) => <Tag color={s === 'error' ? 'red' : 'gold'}>{t(`al.severity.${s}`)}</Tag>,
    },
    { title: t('al.col.message'), dataIndex: 'message', key: 'message' },
  ];

  return (
    <div data-testid="al-page">
      <PageHeader
        title={t('al.title')}
        action={
          <Button
            icon={<DownloadOutlined />}
            href={apiUrl('/api/reports/item-alignment.xlsx', { query: { regionCode: region } })}
            download
            disabled={!data}
            data-testid="al-export"
          >
            {t('al.export')}
          </Button>
        }
      />
      <div className="toolbar">
        <RegionTreeSelect
          value={region}
          onChange={setRegion}
          rootCode={root}
          placeholder={t('sv.allRegions')}
          style={{ width: 220 }}
          testId="al-region"
        />
        <Input
          allowClear
          prefix={<SearchOutlined />}
          value={filter.text}
          onChange={(e) => set({ text: e.target.value })}
          placeholder={t('al.search')}
          style={{ width: 220 }}
          data-testid="al-search"
        />
        <Select
          allowClear
          style={{ width: 220 }}
          placeholder={t('al.allRules')}
          value={filter.rule}
          onChange={(rule: string | undefined) => set({ rule })}
          options={(data?.rules ?? []).map((r) => ({ value: r.rule, label: r.title }))}
          data-testid="al-filter-rule"
        />
        <Select
          allowClear
          style={{ width: 130 }}
          placeholder={t('al.allSeverities')}
          value={filter.severity}
          onChange={(severity: Severity | undefined) => set({ severity })}
          options={(['error', 'warning'] as const).map((s) => ({ value: s, label: t(`al.severity.${s}`) }))}
          data-testid="al-filter-severity"
        />
      </div>
      {report.error ? (
        <ErrorResult error={report.error} onRetry={report.reload} />
      ) : !data || report.loading ? (
        <PageLoading />
      ) : (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Typography.Text
            type="secondary"
            data-testid="al-summary"
            data-findings={data.findingCount}
            data-items={data.itemCount}
          >
            {t('al.summary', { region: data.region.name, items: data.itemCount, findings: data.findingCount })} ·{' '}
            {t('al.generatedAt', { time: formatDateTime(data.generatedAt) })}
          </Typography.Text>
          <Tabs
            activeKey={level ?? data.levels.find((l) => l.findings.length)?.level ?? data.levels[0]?.level}
            onChange={setLevel}
            items={data.levels.map((l) => {
              const shown = filterFindings(l.findings, filter);
              return {
                key: l.level,
                label: (
                  <span data-testid={`al-tab-${l.level}`} data-count={l.findings.length}>
                    {t('al.levelCount', { level: l.levelName, n: l.findings.length })}
                  </span>
                ),
                children: (
                  <Table<AlignmentFinding>
                    rowKey={(f) => `${f.itemCode}:${f.rule}`}
                    size="middle"
                    dataSource={shown}
                    columns={columns}
                    pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => t('common.total', { n }) }}
                    scroll={{ x: 900 }}
                    data-testid={`al-table-${l.level}`}
                    onRow={(f) =>
                      ({
                        'data-testid': `al-finding-${f.itemCode}-${f.rule}`,
                        'data-severity': f.severity,
                      }) as React.HTMLAttributes<HTMLElement>
                    }
                    locale={{
                      emptyText: (
                        <Empty
                          description={t(l.findings.length ? 'al.noMatch' : 'al.noFindings')}
                          data-testid="al-empty"
                        />
                      ),
                    }}
                  />
                ),
              };
            })}
          />
          <Collapse
            size="small"
            items={[
              {
                key: 'rules',
                label: t('al.rules'),
                children: (
                  <dl style={{ margin: 0 }}>
                    {data.rules.map((r) => (
                      <div key={r.rule} style={{ marginBottom: 8 }}>
                        <dt style={{ fontWeight: 600 }}>{r.title}</dt>
                        <dd style={{ margin: 0, color: '#666' }}>{r.description}</dd>
                      </div>
                    ))}
                  </dl>
                ),
              },
            ]}
          />
        </Space>
      )}
    </div>
  );
}
