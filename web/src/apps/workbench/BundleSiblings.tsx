import { Alert, Card, Table, Tag, Tooltip } from 'antd';
import { AppstoreOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { api } from '../../shared/client';
import { useI18n } from '../../shared/i18n';
import { useFetch } from '../../shared/components/hooks';
import { StatusTag } from '../../shared/components/CaseBits';
import { BundleClock } from '../../shared/components/BundleClock';
import type { BundleApplicationView, BundleCaseLink, BundleLinkedCase } from '../../shared/bundles';

/**
 * A case filed through 一件事一次办: the marker and its sibling cases (`GET /api/bundle-applications/by-case/{id}`).
 * Nothing is shown for a case filed on its own (answered with null). Siblings outside the clerk's scope show their number only.
 */
export function BundleSiblings({ caseId, status }: { caseId: string; status: string }) {
  const { t } = useI18n();
  // Reloaded when this case's status changes, so the siblings' progress is current.
  const bundle = useFetch<BundleApplicationView | null>(
    (signal) =>
      api.get('/api/bundle-applications/by-case/{caseId}', { params: { path: { caseId } }, signal, silent: true }),
    [caseId, status],
  );
  const v = bundle.data;
  if (!v) return null;
  return (
    <Card
      className="guide-section"
      size="small"
      data-testid="wb-bundle"
      data-bundle-id={v.id}
      title={
        <span>
          <Tag color="purple" icon={<AppstoreOutlined />} data-testid="wb-bundle-marker">
            {t('bd.marker')}
          </Tag>
          {v.bundleName}
        </span>
      }
      extra={
        <span>
          {t('bd.completedOf', { done: v.completedCount, total: v.cases.length })} · {t('bd.deadline')}{' '}
          <BundleClock v={v} />
        </span>
      }
    >
      <Table<BundleLinkedCase>
        size="small"
        rowKey="number"
        pagination={false}
        scroll={{ x: 640 }}
        dataSource={v.cases}
        onRow={(c) => ({ 'data-testid': `wb-bundle-case-${c.number}` }) as object}
        columns={[
          {
            title: t('bd.caseNumber'),
            dataIndex: 'number',
            render: (n: string, c) =>
              c.id === caseId ? (
                <span>
                  {n} <Tag>{t('bd.thisCase')}</Tag>
                </span>
              ) : c.id ? (
                <Link to={`/workbench/cases/${c.id}`} data-testid="wb-bundle-sibling-link">
                  {n}
                </Link>
              ) : (
                n
              ),
          },
          { title: t('bd.item'), dataIndex: 'itemName' },
          {
            title: t('bd.status'),
            dataIndex: 'status',
            render: (s: string | null, c) => (s ? <StatusTag status={s} label={c.statusLabel} /> : c.statusLabel),
          },
          { title: t('bd.caseDeadline'), dataIndex: 'promisedDeadline', render: (d: string | null) => d ?? '—' },
        ]}
      />
      {v.hiddenCount > 0 && (
        <Alert type="info" showIcon style={{ marginTop: 8 }} title={t('bd.hiddenHint', { n: v.hiddenCount })} />
      )}
    </Card>
  );
}

/** Which cases of a queue page were filed through a bundle (`GET /api/bundle-applications/case-links`), by case id. */
export function useBundleLinks(caseIds: string[] | undefined): Map<string, BundleCaseLink> {
  const key = (caseIds ?? []).join(',');
  const links = useFetch<{ items: BundleCaseLink[] }>(
    key
      ? (signal) =>
          api.get('/api/bundle-applications/case-links', { params: { query: { caseIds: key } }, signal, silent: true })
      : null,
    [key],
  );
  return new Map((links.data?.items ?? []).map((l) => [l.caseId, l]));
}

/** The 一件事 marker of a queue row; the tooltip names the bundle and how many cases it links. */
export function BundleMarker({ link }: { link: BundleCaseLink | undefined }) {
  const { t } = useI18n();
  if (!link) return null;
  return (
    <Tooltip title={`${link.bundleName} · ${t('bd.itemCount', { n: link.caseCount })}`}>
      <Tag
        color="purple"
        style={{ marginInlineEnd: 0 }}
        data-testid="wb-row-bundle"
        data-bundle-id={link.applicationId}
      >
        {t('bd.marker')}
      </Tag>
    </Tooltip>
  );
}
