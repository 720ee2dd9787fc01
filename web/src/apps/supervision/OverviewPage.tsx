import { Button, Card, Col, Empty, Row, Space, Typography } from 'antd';
import { FullscreenOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useState } from 'react';
import { useI18n } from '../../shared/i18n';
import { useAuth } from '../../shared/auth';
import { ErrorResult, PageLoading } from '../../shared/components/common';
import { PageHeader } from '../../shared/components/PageHeader';
import { RegionTreeSelect } from '../../shared/components/RegionTreeSelect';
import { CITY_CODE } from '../../shared/types';
import { buildQuery } from '../../shared/client';
import { useOverviewStream } from './svApi';
import { Counters, LiveBadge } from './parts';
import { SvChart } from './LazyChart';
import { levelBarOption, regionTreemapOption, warningsPieOption } from './charts';

/** 运行监管总览: live counters, open cases by level and region, open warnings. */
export default function OverviewPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const navigate = useNavigate();
  const [region, setRegion] = useState<string | undefined>(undefined);
  const { data, status, lastAt, error, reconnect } = useOverviewStream(region);
  const root = user?.scope.regionCode ?? CITY_CODE;

  return (
    <div data-testid="sv-overview">
      <PageHeader
        title={t('sv.overview.title')}
        action={
          <Space wrap>
            <LiveBadge status={status} lastAt={lastAt} onReconnect={reconnect} />
            <RegionTreeSelect
              value={region}
              onChange={setRegion}
              rootCode={root}
              placeholder={t('sv.allRegions')}
              style={{ width: 220 }}
              testId="sv-region"
            />
            <Button
              icon={<FullscreenOutlined />}
              onClick={() => navigate(`/supervision/screen${buildQuery({ region })}`)}
              data-testid="sv-open-screen"
            >
              {t('sv.screen.open')}
            </Button>
          </Space>
        }
      />
      {error ? (
        <ErrorResult error={error} onRetry={reconnect} />
      ) : !data ? (
        <PageLoading />
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            {t('sv.overview.today', { today: data.today, total: data.cases.total })}
          </Typography.Text>
          <Counters o={data} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <Card size="small" title={t('sv.chart.byLevel')}>
                {data.byLevel.length ? (
                  <SvChart option={levelBarOption(data, t)} testId="sv-chart-level" />
                ) : (
                  <Empty data-testid="sv-empty-level" />
                )}
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card
                size="small"
                title={t('sv.chart.warnings')}
                extra={
                  <Typography.Text
                    type="secondary"
                    data-testid="sv-count-explained"
                    data-value={data.warnings.explained}
                  >
                    {t('sv.count.explained', { n: data.warnings.explained })}
                  </Typography.Text>
                }
              >
                {data.warnings.yellow + data.warnings.red > 0 ? (
                  <SvChart option={warningsPieOption(data, t)} testId="sv-chart-warnings" />
                ) : (
                  <Empty description={t('sv.noWarnings')} data-testid="sv-empty-warnings" />
                )}
              </Card>
            </Col>
            <Col xs={24}>
              <Card
                size="small"
                title={t('sv.chart.byRegion')}
                extra={<Typography.Text type="secondary">{t('sv.chart.byRegionHint')}</Typography.Text>}
              >
                {data.byRegion.length ? (
                  <SvChart option={regionTreemapOption(data, t)} height={340} testId="sv-chart-region" />
                ) : (
                  <Empty data-testid="sv-empty-region" />
                )}
              </Card>
            </Col>
          </Row>
        </Space>
      )}
    </div>
  );
}
