import {
  App as AntApp,
  Button,
  Descriptions,
  Drawer,
  Empty,
  Input,
  InputNumber,
  Modal,
  Segmented,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
  DatePicker,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DownloadOutlined, SettingOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { api, apiUrl } from '../../shared/client';
import { useI18n } from '../../shared/i18n';
import { ErrorResult } from '../../shared/components/common';
import { useFetch } from '../../shared/components/hooks';
import { PageHeader } from '../../shared/components/PageHeader';
import {
  GROUPS,
  signed,
  type AssessmentGroup,
  type ScoreRow,
  type Scores,
  type ScoringRule,
  type UnitDetail,
} from './assessmentApi';

const M = 'YYYY-MM';

/** 考核: monthly scores and ranking of departments, halls or clerks in the caller's scope, with the facts behind each score. */
/** A 12345 rate in per cent, or a dash over nothing. */
const pct = (v: number | null) => (v === null ? '—' : `${v}%`);

export default function AssessmentPage() {
  const { t } = useI18n();
  const [groupBy, setGroupBy] = useState<AssessmentGroup>('department');
  const [month, setMonth] = useState<Dayjs>(() => dayjs());
  const [openKey, setOpenKey] = useState<string | null>(null);
  const [rulesOpen, setRulesOpen] = useState(false);
  const query = { month: month.format(M), groupBy };
  const scores = useFetch<Scores>(
    (signal) => api.get('/api/assessment/scores', { params: { query }, signal, silent: true }),
    [JSON.stringify(query)],
  );
  // The whole ranking comes at once (it is computed over every unit); the search only narrows what is shown.
  const [search, setSearch] = useState('');
  const rows = (scores.data?.rows ?? []).filter((r) => !search.trim() || r.label.includes(search.trim()));

  const columns: ColumnsType<ScoreRow> = [
    { title: t('as.col.rank'), dataIndex: 'rank', width: 70, align: 'center' },
    { title: t(`as.group.${groupBy}`), dataIndex: 'label', width: 240 },
    {
      title: t('as.col.score'),
      dataIndex: 'score',
      width: 90,
      align: 'right',
      render: (s: number) => (
        <Typography.Text strong type={s < (scores.data?.base ?? 100) ? 'danger' : undefined}>
          {s.toFixed(1)}
        </Typography.Text>
      ),
    },
    {
      title: t('as.col.deductions'),
      dataIndex: 'deductions',
      width: 80,
      align: 'right',
      render: (n: number) => (n ? `-${n.toFixed(1)}` : '0'),
    },
    {
      title: t('as.col.bonuses'),
      dataIndex: 'bonuses',
      width: 80,
      align: 'right',
      render: (n: number) => (n ? `+${n.toFixed(1)}` : '0'),
    },
    {
      title: t('as.col.items'),
      dataIndex: 'items',
      render: (items: ScoreRow['items']) => (
        <Space size={[4, 4]} wrap>
          {items.map((i) => (
            <Tag key={i.code} color={i.kind === 'deduction' ? 'red' : 'green'}>
              {i.name} {i.count} · {signed(i.points)}
            </Tag>
          ))}
        </Space>
      ),
    },
    ...(rows.some((r) => r.hotline)
      ? [
          {
            title: t('as.col.hotline'),
            dataIndex: 'hotline',
            width: 220,
            render: (h: ScoreRow['hotline'], r: ScoreRow) =>
              h ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`as-hotline-${r.key}`}>
                  {t('as.hotline.rates', {
                    sign: pct(h.signRate),
                    onTime: pct(h.onTimeRate),
                    solved: pct(h.solvedRate),
                    satisfied: pct(h.satisfiedRate),
                    reopen: pct(h.reopenRate),
                    n: h.dispatched,
                  })}
                </Typography.Text>
              ) : null,
          },
        ]
      : []),
    { title: t('as.col.pending'), dataIndex: 'pendingCards', width: 110, align: 'right' },
    { title: t('as.col.completed'), dataIndex: 'completed', width: 90, align: 'right' },
  ];

  return (
    <div data-testid="as-page">
      <PageHeader
        title={t('as.title')}
        action={
          <Space>
            <Button icon={<SettingOutlined />} onClick={() => setRulesOpen(true)} data-testid="as-rules-open">
              {t('as.rules')}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              href={apiUrl('/api/assessment/scores.xlsx', { query })}
              download
              data-testid="as-export"
            >
              {t('as.export')}
            </Button>
          </Space>
        }
      />
      <div className="toolbar">
        <Segmented<AssessmentGroup>
          value={groupBy}
          onChange={setGroupBy}
          options={GROUPS.map((g) => ({
            value: g,
            label: <span data-testid={`as-group-${g}`}>{t(`as.group.${g}`)}</span>,
          }))}
        />
        <DatePicker
          picker="month"
          value={month}
          allowClear={false}
          disabledDate={(d) => d.isAfter(dayjs(), 'month')}
          onChange={(v) => v && setMonth(v)}
          placeholder={t('as.month')}
          data-testid="as-month"
        />
        <Input.Search
          allowClear
          placeholder={t('as.search')}
          onSearch={setSearch}
          onChange={(e) => !e.target.value && setSearch('')}
          style={{ width: 220 }}
          data-testid="as-search"
        />
      </div>
      {scores.error ? (
        <ErrorResult error={scores.error} onRetry={scores.reload} />
      ) : (
        <>
          <Table<ScoreRow>
            rowKey="key"
            size="small"
            bordered
            data-testid="as-table"
            data-month={scores.data?.month ?? ''}
            data-base={scores.data?.base ?? ''}
            loading={scores.loading}
            dataSource={rows}
            columns={columns}
            scroll={{ x: 1100 }}
            pagination={{ pageSize: 20, showSizeChanger: true, showTotal: (n) => t('common.total', { n }) }}
            locale={{ emptyText: <Empty description={t('as.empty')} data-testid="as-empty" /> }}
            onRow={(x) =>
              ({
                'data-testid': `as-row-${x.key}`,
                'data-score': x.score,
                'data-rank': x.rank,
                onClick: () => setOpenKey(x.key),
                style: { cursor: 'pointer' },
              }) as React.HTMLAttributes<HTMLElement>
            }
          />
          {scores.data && (
            <Typography.Text type="secondary">
              {t('as.period', { from: scores.data.from, to: scores.data.to, base: scores.data.base })}
            </Typography.Text>
          )}
        </>
      )}
      <DetailDrawer groupBy={groupBy} month={query.month} unitKey={openKey} onClose={() => setOpenKey(null)} />
      <RulesModal open={rulesOpen} onClose={() => setRulesOpen(false)} onSaved={scores.reload} />
    </div>
  );
}

function DetailDrawer({
  groupBy,
  month,
  unitKey,
  onClose,
}: {
  groupBy: AssessmentGroup;
  month: string;
  unitKey: string | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const detail = useFetch<UnitDetail>(
    unitKey
      ? (signal) =>
          api.get('/api/assessment/scores/{groupBy}/{key}', {
            params: { path: { groupBy, key: unitKey }, query: { month } },
            signal,
            silent: true,
          })
      : null,
    [groupBy, month, unitKey],
  );
  const d = detail.data;
  return (
    <Drawer
      open={unitKey !== null}
      onClose={onClose}
      size={680}
      title={t('as.detail.title')}
      destroyOnHidden
      data-testid="as-detail"
    >
      {detail.error ? (
        <ErrorResult error={detail.error} onRetry={detail.reload} />
      ) : !d || detail.loading ? (
        <div style={{ padding: 24, textAlign: 'center' }}>{t('common.loading')}</div>
      ) : (
        <div
          style={{ display: 'flex', flexDirection: 'column', gap: 16, minWidth: 0 }}
          data-testid="as-detail-body"
          data-score={d.score}
        >
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t(`as.group.${d.groupBy}`)}>{d.label}</Descriptions.Item>
            <Descriptions.Item label={t('as.month')}>{d.month}</Descriptions.Item>
            <Descriptions.Item label={t('as.col.rank')}>
              {t('as.detail.rank', { rank: d.rank, of: d.of })}
            </Descriptions.Item>
          </Descriptions>
          <Space size={32} wrap>
            <Statistic title={t('as.col.score')} value={d.score} precision={1} />
            <Statistic title={t('as.col.deductions')} value={d.deductions} precision={1} prefix="-" />
            <Statistic title={t('as.col.bonuses')} value={d.bonuses} precision={1} prefix="+" />
          </Space>
          <Typography.Title level={5}>{t('as.detail.items')}</Typography.Title>
          <Table
            rowKey="code"
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={d.items}
            locale={{ emptyText: <Empty description={t('as.detail.noFacts')} /> }}
            onRow={(x) =>
              ({
                'data-testid': `as-detail-item-${x.code}`,
                'data-count': x.count,
              }) as React.HTMLAttributes<HTMLElement>
            }
            columns={[
              { title: t('as.detail.item'), dataIndex: 'name' },
              { title: t('as.detail.count'), dataIndex: 'count', align: 'right', width: 70 },
              { title: t('as.detail.each'), dataIndex: 'pointsEach', align: 'right', width: 90 },
              {
                title: t('as.detail.points'),
                dataIndex: 'points',
                align: 'right',
                width: 110,
                render: (p: number, x) => (
                  <>
                    {signed(p)} {x.capped && <Tag>{t('as.detail.capped')}</Tag>}
                  </>
                ),
              },
            ]}
          />
          <Typography.Title level={5}>{t('as.detail.facts')}</Typography.Title>
          <Table
            rowKey={(x) => `${x.item}-${x.on}-${x.caseNumber ?? ''}-${x.text}`}
            size="small"
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            dataSource={d.lines}
            locale={{ emptyText: <Empty description={t('as.detail.noFacts')} /> }}
            columns={[
              { title: t('as.detail.date'), dataIndex: 'on', width: 100 },
              { title: t('as.detail.item'), dataIndex: 'itemName', width: 130 },
              {
                title: t('as.detail.case'),
                dataIndex: 'caseNumber',
                width: 120,
                render: (c: string | null) => c ?? '—',
              },
              { title: t('as.detail.what'), dataIndex: 'text', width: 220 },
            ]}
          />
        </div>
      )}
    </Drawer>
  );
}

/** 计分规则: everyone in the area reads them; admins and city supervisors change points and caps. */
function RulesModal({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const rules = useFetch<{ items: ScoringRule[]; editable: boolean }>(
    open ? (signal) => api.get('/api/assessment/rules', { signal, silent: true }) : null,
    [open],
  );
  const [draft, setDraft] = useState<Record<string, { points: number | null; cap: number | null }>>({});
  const [busy, setBusy] = useState<string | null>(null);
  useEffect(() => setDraft({}), [rules.data]);
  const editable = rules.data?.editable ?? false;

  const save = async (r: ScoringRule) => {
    const d = draft[r.code];
    if (!d) return;
    setBusy(r.code);
    try {
      const next = await api.put('/api/assessment/rules/{code}', {
        params: { path: { code: r.code } },
        body: {
          points: d.points ?? r.points,
          cap: r.kind === 'base' ? null : d.cap,
          version: r.version,
        },
      });
      rules.setData({ editable, items: (rules.data?.items ?? []).map((x) => (x.code === next.code ? next : x)) });
      void message.success(t('common.saved'));
      onSaved();
    } catch {
      /* shown by the API client */
    } finally {
      setBusy(null);
    }
  };
  const value = (r: ScoringRule) => draft[r.code] ?? { points: r.points, cap: r.cap };
  const change = (r: ScoringRule, patch: Partial<{ points: number | null; cap: number | null }>) =>
    setDraft((all) => ({ ...all, [r.code]: { ...value(r), ...patch } }));

  return (
    <Modal
      open={open}
      onCancel={onClose}
      footer={null}
      width={820}
      title={t('as.rules.title')}
      destroyOnHidden
      data-testid="as-rules"
    >
      {rules.error ? (
        <ErrorResult error={rules.error} onRetry={rules.reload} />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            {editable ? t('as.rules.note') : `${t('as.rules.readonly')} ${t('as.rules.note')}`}
          </Typography.Text>
          <Table<ScoringRule>
            rowKey="code"
            size="small"
            loading={rules.loading}
            pagination={false}
            dataSource={rules.data?.items ?? []}
            columns={[
              {
                title: t('as.rules.kind'),
                dataIndex: 'kind',
                width: 80,
                render: (k: ScoringRule['kind']) => (
                  <Tag color={k === 'deduction' ? 'red' : k === 'bonus' ? 'green' : 'blue'}>
                    {t(`as.rules.kind.${k}`)}
                  </Tag>
                ),
              },
              { title: t('as.rules.name'), dataIndex: 'name' },
              {
                title: t('as.rules.points'),
                width: 120,
                render: (_, r) => (
                  <InputNumber
                    size="small"
                    min={0}
                    max={r.kind === 'base' ? 1000 : 100}
                    step={r.kind === 'base' ? 1 : 0.1}
                    precision={r.kind === 'base' ? 0 : 1}
                    disabled={!editable}
                    value={value(r).points}
                    onChange={(v) => change(r, { points: v })}
                    data-testid={`as-rule-points-${r.code}`}
                  />
                ),
              },
              {
                title: t('as.rules.cap'),
                width: 120,
                render: (_, r) =>
                  r.kind === 'base' ? (
                    '—'
                  ) : (
                    <InputNumber
                      size="small"
                      min={0}
                      max={100}
                      step={0.1}
                      precision={1}
                      placeholder={t('as.rules.noCap')}
                      disabled={!editable}
                      value={value(r).cap}
                      onChange={(v) => change(r, { cap: v })}
                      data-testid={`as-rule-cap-${r.code}`}
                    />
                  ),
              },
              {
                title: t('as.rules.updated'),
                width: 150,
                render: (_, r) => (r.updatedBy ? `${r.updatedBy} ${dayjs(r.updatedAt).format('MM-DD HH:mm')}` : '—'),
              },
              ...(editable
                ? [
                    {
                      title: '',
                      width: 80,
                      render: (_: unknown, r: ScoringRule) => (
                        <Button
                          size="small"
                          type="primary"
                          disabled={!draft[r.code]}
                          loading={busy === r.code}
                          onClick={() => void save(r)}
                          data-testid={`as-rule-save-${r.code}`}
                        >
                          {t('common.save')}
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Space>
      )}
    </Modal>
  );
}
