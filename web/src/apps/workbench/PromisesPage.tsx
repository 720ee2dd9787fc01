import { Breadcrumb, Card, Empty, Tabs, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useI18n } from '../../shared/i18n';
import { usePagedList } from '../../shared/components/hooks';
import { PagedListTable } from '../../shared/components/ListPage';
import { formatDateTime } from '../../shared/components/common';
import type { PromiseListItem, PromiseState } from '../../shared/cases';

const STATES: PromiseState[] = ['overdue', 'open', 'fulfilled'];

/** 容缺承诺 `/workbench/promises`: promised materials by state (`GET /api/cases/promises`); overdue rows red. */
export default function PromisesPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const state = (STATES as string[]).includes(params.get('state') ?? '')
    ? (params.get('state') as PromiseState)
    : 'overdue';
  const list = usePagedList('/api/cases/promises', { state });
  return (
    <div>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/workbench">{t('wb.inbox')}</Link> }, { title: t('lk.promises') }]}
      />
      <Card title={t('lk.promises')} data-testid="wb-promises">
        <Tabs
          activeKey={state}
          onChange={(k) => setParams(k === 'overdue' ? {} : { state: k }, { replace: true })}
          items={STATES.map((s) => ({
            key: s,
            label: <span data-testid={`promises-tab-${s}`}>{t(`lk.tab.${s}`)}</span>,
          }))}
        />
        <PagedListTable<PromiseListItem>
          list={list}
          scroll={{ x: 'max-content' }}
          rowClassName={(r) => (r.state === 'overdue' ? 'row-overdue' : '')}
          onRow={(r) =>
            ({
              'data-testid': `promise-${r.caseNumber}-${r.materialId}`,
              'data-state': r.state,
              onClick: () => navigate(`/workbench/cases/${r.caseId}`),
              style: { cursor: 'pointer' },
            }) as HTMLAttributes<HTMLElement>
          }
          locale={{ emptyText: <Empty data-testid="wb-promises-empty" description={t('common.empty')} /> }}
          columns={[
            {
              title: t('case.number'),
              dataIndex: 'caseNumber',
              key: 'number',
              render: (n: string, r) => (
                <Link to={`/workbench/cases/${r.caseId}`} className="case-number" onClick={(e) => e.stopPropagation()}>
                  {n}
                </Link>
              ),
            },
            { title: t('case.item'), dataIndex: 'itemName', key: 'item', ellipsis: true },
            {
              title: t('case.applicant'),
              dataIndex: 'applicantName',
              key: 'applicant',
              render: (n: string | null) => n ?? '—',
            },
            { title: t('lk.material'), dataIndex: 'materialName', key: 'material' },
            {
              title: t('lk.promiseDue'),
              dataIndex: 'dueDate',
              key: 'due',
              render: (d: string, r) =>
                r.state === 'overdue' ? (
                  <Typography.Text type="danger" data-testid="promise-overdue">
                    {d}
                  </Typography.Text>
                ) : (
                  d
                ),
            },
            {
              title: t('common.status'),
              key: 'state',
              render: (_, r) => (
                <Tag color={r.state === 'overdue' ? 'red' : r.state === 'fulfilled' ? 'green' : 'gold'}>
                  {r.stateLabel}
                </Tag>
              ),
            },
            ...(state === 'fulfilled'
              ? [
                  {
                    title: t('lk.fulfilledAt'),
                    dataIndex: 'fulfilledAt',
                    key: 'fulfilled',
                    render: (d: string | null) => formatDateTime(d),
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </div>
  );
}
