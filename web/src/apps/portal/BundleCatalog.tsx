import { AppstoreOutlined, RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { api } from '../../shared/client';
import { useI18n } from '../../shared/i18n';
import { useFetch } from '../../shared/components/hooks';
import type { Paged } from '../../shared/types';
import type { BundleSummary } from '../../shared/bundles';
import { BUNDLES_QUERY } from './requests';

/**
 * 一件事一次办 on the portal home: every active bundle with a way in to its one application. Plain elements
 * styled like antd's cards (styles.css `.plain-card`): the server's first screen writes the same markup
 * (src/web/first-screen.ts), and antd's cards, grid and ellipsis were a large part of the home's render on a phone.
 */
export function BundleCatalog() {
  const { t } = useI18n();
  const bundles = useFetch<Paged<BundleSummary>>(
    (signal) => api.get('/api/bundles', { params: { query: BUNDLES_QUERY }, signal, silent: true }),
    [],
  );
  // Not essential on the home page: a failed load leaves the item search alone.
  if (bundles.error) return null;
  return (
    <section id="bundles" className="plain-card" data-testid="home-bundles" aria-labelledby="bundles-title">
      <div className="plain-card-head">
        <h2 id="bundles-title" className="plain-card-title">
          <AppstoreOutlined /> {t('bd.title')}
        </h2>
        <span className="plain-card-extra hide-xs">{t('bd.homeHint')}</span>
      </div>
      <div className="plain-card-body">
        {bundles.loading && !bundles.data ? (
          // Two card-sized places while loading, so the filters and results below do not jump when the cards come.
          <div className="bundle-grid" aria-busy="true">
            <div className="bundle-placeholder" />
            <div className="bundle-placeholder" />
          </div>
        ) : !bundles.data?.items.length ? (
          <p className="plain-empty">{t('bd.noBundles')}</p>
        ) : (
          <div className="bundle-grid">
            {bundles.data.items.map((b) => (
              <div key={b.code} className="bundle-card" data-testid={`bundle-card-${b.code}`}>
                <div className="item-card-title">{b.name}</div>
                <div className="bundle-description">{b.description}</div>
                <div className="item-meta">
                  <span className="item-type">{t('bd.itemCount', { n: b.itemCodes.length })}</span>
                  <span>{b.modeLabel}</span>
                  <Link to={`/bundles/${encodeURIComponent(b.code)}/apply`} data-testid={`bundle-apply-${b.code}`}>
                    {t('bd.apply')} <RightOutlined />
                  </Link>
                </div>
              </div>
            ))}
          </div>
        )}
      </div>
    </section>
  );
}
