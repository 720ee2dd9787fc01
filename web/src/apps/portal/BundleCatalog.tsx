import { Card, Col, Empty, Row, Tag, Typography } from 'antd';
import { AppstoreOutlined, RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { api } from '../../shared/client';
import { useI18n } from '../../shared/i18n';
import { useFetch } from '../../shared/components/hooks';
import type { Paged } from '../../shared/types';
import type { BundleSummary } from '../../shared/bundles';
import { BUNDLES_QUERY } from './requests';

/** 一件事一次办 on the portal home: every active bundle with a way in to its one application. */
export function BundleCatalog() {
  const { t } = useI18n();
  const bundles = useFetch<Paged<BundleSummary>>(
    (signal) => api.get('/api/bundles', { params: { query: BUNDLES_QUERY }, signal, silent: true }),
    [],
  );
  // Not essential on the home page: a failed load leaves the item search alone.
  if (bundles.error) return null;
  return (
    <Card
      id="bundles"
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="home-bundles"
      title={
        <span>
          <AppstoreOutlined /> {t('bd.title')}
        </span>
      }
      extra={
        <Typography.Text type="secondary" className="hide-xs">
          {t('bd.homeHint')}
        </Typography.Text>
      }
    >
      {bundles.loading && !bundles.data ? (
        // Two card-sized places while loading, so the filters and results below do not jump when the cards come.
        <Row gutter={[12, 12]} aria-busy="true">
          <Col xs={24} md={12}>
            <div className="bundle-placeholder" />
          </Col>
          <Col xs={24} md={12}>
            <div className="bundle-placeholder" />
          </Col>
        </Row>
      ) : !bundles.data?.items.length ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('bd.noBundles')} />
      ) : (
        <Row gutter={[12, 12]}>
          {bundles.data.items.map((b) => (
            <Col key={b.code} xs={24} md={12}>
              <Card size="small" className="item-card" data-testid={`bundle-card-${b.code}`}>
                <div className="item-card-title">{b.name}</div>
                <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 8 }}>
                  {b.description}
                </Typography.Paragraph>
                <div className="item-meta">
                  <Tag color="red" style={{ marginRight: 0 }}>
                    {t('bd.itemCount', { n: b.itemCodes.length })}
                  </Tag>
                  <span>{b.modeLabel}</span>
                  <Link to={`/bundles/${encodeURIComponent(b.code)}/apply`} data-testid={`bundle-apply-${b.code}`}>
                    {t('bd.apply')} <RightOutlined />
                  </Link>
                </div>
              </Card>
            </Col>
          ))}
        </Row>
      )}
    </Card>
  );
}
