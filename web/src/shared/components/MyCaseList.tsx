import { Button, Empty, List, Pagination, Skeleton, Space, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useI18n } from '../i18n';
import { usePagedList } from './hooks';
import { ErrorResult, formatDateTime } from './common';
import { DeadlineTag, StatusTag } from './CaseBits';

/** The signed-in applicant's own cases (`GET /api/cases`), newest first, as cards that fit a phone. */
export function MyCaseList({ pageSize = 10, compact = false }: { pageSize?: number; compact?: boolean }) {
  const { t } = useI18n();
  const list = usePagedList('/api/cases', { view: 'all', sort: 'created' }, pageSize);
  if (list.error) return <ErrorResult error={list.error} onRetry={list.reload} />;
  if (list.loading && !list.data) return <Skeleton active />;
  const items = list.data?.items ?? [];
  if (!items.length)
    return (
      <Empty description={t('my.noCases')} data-testid="my-cases-empty">
        <Link to="/">
          <Button type="primary" data-testid="my-browse-catalog">
            {t('my.browseCatalog')}
          </Button>
        </Link>
      </Empty>
    );
  return (
    <>
      <List
        data-testid="my-cases-list"
        loading={list.loading}
        dataSource={items}
        rowKey="id"
        renderItem={(c) => (
          <List.Item
            data-testid={`my-case-${c.number}`}
            className="my-case-item"
            actions={
              compact
                ? undefined
                : [
                    c.status === 'draft' ? (
                      <Link
                        key="go"
                        to={`/items/${encodeURIComponent(c.itemCode)}/apply?draft=${c.id}`}
                        data-testid={`my-case-continue-${c.number}`}
                      >
                        {t('my.continueDraft')}
                      </Link>
                    ) : (
                      <Link key="go" to={`/my/cases/${c.id}`} aria-label={t('case.view')}>
                        <RightOutlined />
                      </Link>
                    ),
                  ]
            }
          >
            <List.Item.Meta
              title={
                <Link to={`/my/cases/${c.id}`} className="my-case-title">
                  {c.itemName}
                </Link>
              }
              description={
                <div className="my-case-meta">
                  <Space size={[6, 4]} wrap>
                    <StatusTag status={c.status} label={c.statusLabel} />
                    {c.acceptedOn && (
                      <DeadlineTag
                        colour={c.deadlineColour}
                        state={c.deadlineState}
                        remaining={c.remainingWorkingDays}
                        provisional={c.provisional}
                      />
                    )}
                  </Space>
                  <div>
                    <Typography.Text type="secondary" copyable={{ text: c.number }} className="case-number">
                      {c.number}
                    </Typography.Text>
                  </div>
                  <Typography.Text type="secondary">
                    {c.submittedAt
                      ? `${t('case.submittedAt')} ${formatDateTime(c.submittedAt)}`
                      : `${t('case.createdAt')} ${formatDateTime(c.createdAt)}`}
                    {c.promisedDeadline ? ` · ${t('case.promisedDeadline')} ${c.promisedDeadline}` : ''}
                  </Typography.Text>
                </div>
              }
            />
          </List.Item>
        )}
      />
      {!compact && (list.data?.total ?? 0) > list.pageSize && (
        <div className="pager">
          <Pagination
            current={list.page}
            pageSize={list.pageSize}
            total={list.data?.total ?? 0}
            showSizeChanger={false}
            responsive
            showLessItems
            onChange={(p) => list.setPage(p)}
          />
        </div>
      )}
    </>
  );
}
