import { Alert } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../../shared/client';
import { useI18n } from '../../shared/i18n';
import { useFetch } from '../../shared/components/hooks';
import type { BundleApplicationView } from '../../shared/bundles';

/** On an applicant's case filed through a bundle: the bundle it belongs to, with a way to the whole (nothing for a case filed on its own: the answer is null). */
export function CaseBundleAlert({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const bundle = useFetch<BundleApplicationView | null>(
    (signal) =>
      api.get('/api/bundle-applications/by-case/{caseId}', { params: { path: { caseId } }, signal, silent: true }),
    [caseId],
  );
  const v = bundle.data;
  if (!v) return null;
  return (
    <Alert
      type="info"
      showIcon
      className="guide-section"
      data-testid="case-bundle"
      title={t('bd.partOf', { name: v.bundleName, done: v.completedCount, total: v.cases.length })}
      action={
        <Link to={`/my/bundles/${v.id}`} data-testid="case-bundle-link">
          {t('bd.viewTrack')}
        </Link>
      }
    />
  );
}
