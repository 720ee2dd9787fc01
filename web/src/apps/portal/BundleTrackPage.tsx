import { Breadcrumb, Button, Card, Descriptions, Progress, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../shared/client';
import { useI18n } from '../../shared/i18n';
import { useFetch } from '../../shared/components/hooks';
import { ErrorResult, formatDateTime } from '../../shared/components/common';
import { StatusTag } from '../../shared/components/CaseBits';
import { BundleClock } from '../../shared/components/BundleClock';
import {
  BUNDLE_STATUS_COLOURS,
  progressPercent,
  type BundleApplicationView,
  type BundleDetail,
  type BundleLinkedCase,
  fetchBundle,
} from '../../shared/bundles';

/**
 * 一件事办理进度 `/my/bundles/:id`: the linked cases tracked as one — overall status and progress, the
 * total promised time with its own clock, and each case's status with a link to it.
 */
export default function BundleTrackPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const view = useFetch<BundleApplicationView>(
    (signal) => api.get('/api/bundle-applications/{id}', { params: { path: { id } }, signal, silent: true }),
    [id],
  );
  const v = view.data;
  // Department names come from the bundle's guide; a bundle withdrawn since keeps the codes.
  const bundle = useFetch<BundleDetail>(v ? (signal) => fetchBundle(v.bundleCode, { signal, silent: true }) : null, [
    v?.bundleCode,
  ]);
  const deptNames = useMemo(
    () => new Map((bundle.data?.items ?? []).map((i) => [i.departmentCode, i.departmentName ?? i.departmentCode])),
    [bundle.data],
  );

  if (view.loading && !v)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  if (view.error)
    return <ErrorResult error={view.error} onRetry={view.error.status === 404 ? undefined : view.reload} />;
  if (!v) return null;
  const total = v.cases.length;

  return (
    <div>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to="/my">{t('nav.my')}</Link> },
          { title: <Link to="/my/cases">{t('my.cases')}</Link> },
          { title: v.bundleName },
        ]}
      />
      <Card className="guide-section" data-testid="bundle-track">
        <div className="page-title">
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="bundle-track-title">
            {v.bundleName}
          </Typography.Title>
          <Button
            icon={<ReloadOutlined />}
            onClick={view.reload}
            loading={view.loading}
            data-testid="bundle-track-reload"
          >
            {t('common.refresh')}
          </Button>
        </div>
        <Space wrap size={[8, 8]} style={{ margin: '8px 0 12px' }}>
          <Tag color={BUNDLE_STATUS_COLOURS[v.status]} data-testid="bundle-status" data-status={v.status}>
            {v.statusLabel}
          </Tag>
          <Tag>{t('bd.itemCount', { n: total })}</Tag>
        </Space>
        <div style={{ maxWidth: 520, marginBottom: 12 }}>
          <Typography.Text type="secondary">{t('bd.overall')}</Typography.Text>
          <Progress
            percent={progressPercent(v.completedCount, total)}
            status={v.status === 'completed' ? 'success' : 'active'}
            data-testid="bundle-progress"
            data-done={v.completedCount}
            data-total={total}
          />
          <Typography.Text data-testid="bundle-completed-of">
            {t('bd.completedOf', { done: v.completedCount, total })}
          </Typography.Text>
        </div>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'applicant', label: t('case.applicant'), children: v.applicantName },
            { key: 'at', label: t('bd.appliedAt'), children: formatDateTime(v.createdAt) },
            {
              key: 'promised',
              label: t('bd.promisedTotal'),
              children: <span data-testid="bundle-track-promised">{t('common.workdays', { n: v.promisedDays })}</span>,
            },
            { key: 'started', label: t('bd.startedOn'), children: v.startedOn ?? '—' },
            { key: 'deadline', label: t('bd.deadline'), children: <BundleClock v={v} /> },
          ]}
        />
      </Card>
      <Card title={t('bd.linkedCases')} className="guide-section" size="small">
        <Table<BundleLinkedCase>
          size="small"
          rowKey="number"
          pagination={false}
          data-testid="bundle-cases"
          dataSource={v.cases}
          scroll={{ x: 720 }}
          onRow={(c) => ({ 'data-testid': `bundle-case-${c.number}`, 'data-status': c.status ?? '' }) as object}
          columns={[
            {
              title: t('bd.caseNumber'),
              dataIndex: 'number',
              render: (n: string, c) => (c.id ? <Link to={`/my/cases/${c.id}`}>{n}</Link> : n),
            },
            { title: t('bd.item'), dataIndex: 'itemName' },
            {
              title: t('bd.department'),
              dataIndex: 'departmentCode',
              render: (code: string | null) => (code ? (deptNames.get(code) ?? code) : '—'),
            },
            {
              title: t('bd.status'),
              dataIndex: 'status',
              render: (s: string | null, c) => (s ? <StatusTag status={s} label={c.statusLabel} /> : c.statusLabel),
            },
            {
              title: t('bd.caseDeadline'),
              dataIndex: 'promisedDeadline',
              render: (d: string | null, c) =>
                d ? `${d}${c.deadlineStateLabel ? ` · ${c.deadlineStateLabel}` : ''}` : '—',
            },
          ]}
        />
      </Card>
    </div>
  );
}
