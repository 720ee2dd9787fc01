import { Empty, Input, List, Pagination, Progress, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../shared/i18n';
import { useDebounced, usePagedList } from '../../shared/components/hooks';
import { ErrorResult, formatDateTime } from '../../shared/components/common';
import { BUNDLE_STATUS_COLOURS, progressPercent } from '../../shared/bundles';

/** 我的一件事: the applicant's bundle applications (`GET /api/bundle-applications`), each tracked as one. */
export function MyBundleList({ pageSize = 10, compact = false }: { pageSize?: number; compact?: boolean }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const list = usePagedList('/api/bundle-applications', { q }, pageSize);
  if (list.error) return <ErrorResult error={list.error} onRetry={list.reload} />;
  const items = list.data?.items ?? [];
  return (
    <div data-testid="my-bundles">
      {!compact && (
        <Input.Search
          allowClear
          style={{ maxWidth: 360, marginBottom: 12 }}
          placeholder={t('bd.searchMine')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="my-bundles-search"
        />
      )}
      {list.loading && !list.data ? (
        <Skeleton active />
      ) : !items.length ? (
        <Empty description={t('bd.noneMine')} data-testid="my-bundles-empty" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          loading={list.loading}
          dataSource={items}
          rowKey="id"
          renderItem={(b) => (
            <List.Item data-testid={`my-bundle-${b.id}`} data-status={b.status}>
              <List.Item.Meta
                title={
                  <Link to={`/my/bundles/${b.id}`} data-testid="my-bundle-link">
                    {b.bundleName}
                  </Link>
                }
                description={
                  <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                    <Space size={[6, 4]} wrap>
                      <Tag color={BUNDLE_STATUS_COLOURS[b.status]}>{b.statusLabel}</Tag>
                      <span>{t('bd.completedOf', { done: b.completedCount, total: b.caseCount })}</span>
                      {b.deadline && (
                        <span>
                          {t('bd.deadline')} {b.deadline}
                          {b.remainingWorkingDays !== null && b.remainingWorkingDays >= 0
                            ? ` · ${t('bd.remaining', { n: b.remainingWorkingDays })}`
                            : ''}
                        </span>
                      )}
                    </Space>
                    <Progress
                      percent={progressPercent(b.completedCount, b.caseCount)}
                      size="small"
                      style={{ maxWidth: 360, margin: 0 }}
                    />
                    <Typography.Text type="secondary">
                      {t('bd.appliedAt')} {formatDateTime(b.createdAt)}
                    </Typography.Text>
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
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
    </div>
  );
}
