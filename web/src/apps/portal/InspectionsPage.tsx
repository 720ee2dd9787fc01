import { Card, Empty, Input, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/client';
import { addMessages, useI18n } from '../../shared/i18n';
import { regulationZh } from '../../shared/i18n/regulation.zh-CN';
import { useDebounced, useFetch, usePagedList } from '../../shared/components/hooks';
import { ErrorResult, formatDateTime, PageLoading } from '../../shared/components/common';
import type { PublicPlan, PublicPlanView } from '../regulation/types';

// The area's own Chinese texts come with its code, not with every page of the app.
addMessages(regulationZh);

/** One published plan's results, loaded when its row is opened. */
function PlanResults({ id }: { id: string }) {
  const { t } = useI18n();
  const detail = useFetch<PublicPlanView>(
    (signal) => api.get('/api/public/inspections/{id}', { params: { path: { id } }, signal }),
    [id],
  );
  if (detail.error) return <ErrorResult error={detail.error} onRetry={detail.reload} />;
  if (!detail.data) return <PageLoading />;
  return (
    <Table
      rowKey="seq"
      size="small"
      pagination={false}
      dataSource={detail.data.targets}
      data-testid={`pub-insp-targets-${id}`}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: '#', dataIndex: 'seq', key: 'seq', width: 48 },
        { title: t('reg.entity'), dataIndex: 'entityName', key: 'entity' },
        { title: t('reg.creditCode'), key: 'code', render: (_, r) => r.creditCode ?? '—' },
        { title: t('reg.item'), dataIndex: 'itemName', key: 'item' },
        { title: t('reg.plan.inspectors'), key: 'inspectors', render: (_, r) => r.inspectors.join('、') },
        { title: t('reg.plan.inspectionOn'), dataIndex: 'resultOn', key: 'on' },
        {
          title: t('reg.result'),
          key: 'result',
          render: (_, r) => (
            <span data-testid={`pub-insp-result-${r.seq}`}>
              <Tag color={r.resultCode === 'qualified' ? 'green' : 'red'}>{r.result}</Tag>
              {r.resultText}
            </span>
          ),
        },
      ]}
    />
  );
}

/**
 * 抽查结果公示 `/inspections` (no sign-in, 一公开): published random inspections with their results;
 * inspectors' and natural persons' names are masked by the server.
 */
export default function InspectionsPage() {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const search = useDebounced(q.trim());
  const list = usePagedList('/api/public/inspections', { q: search }, 10);
  return (
    <div>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="pub-insp-title">
          {t('reg.public.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('reg.public.intro')}</Typography.Paragraph>
        <Input.Search
          allowClear
          placeholder={t('reg.public.search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          style={{ maxWidth: 360, marginBottom: 12 }}
          data-testid="pub-insp-search"
        />
        {list.error ? (
          <ErrorResult error={list.error} onRetry={list.reload} />
        ) : (
          <Table<PublicPlan>
            rowKey="id"
            dataSource={list.data?.items ?? []}
            loading={list.loading}
            pagination={list.pagination}
            data-testid="pub-insp-table"
            onRow={(r) => ({ 'data-testid': 'pub-insp-plan', 'data-id': r.id }) as object}
            locale={{ emptyText: <Empty data-testid="pub-insp-empty" description={t('reg.public.empty')} /> }}
            expandable={{ expandedRowRender: (r) => <PlanResults id={r.id} />, expandRowByClick: true }}
            columns={[
              { title: t('reg.plans.name'), dataIndex: 'name', key: 'name' },
              { title: t('reg.plans.department'), dataIndex: 'departmentName', key: 'dept' },
              {
                title: t('reg.result'),
                key: 'summary',
                render: (_, r) => t('reg.public.targets', { n: r.targetCount, p: r.problems }),
              },
              { title: t('reg.plan.seed'), dataIndex: 'seed', key: 'seed', render: (s: string) => <code>{s}</code> },
              { title: t('reg.plan.publishedAt'), key: 'published', render: (_, r) => formatDateTime(r.publishedAt) },
            ]}
          />
        )}
      </Card>
    </div>
  );
}
