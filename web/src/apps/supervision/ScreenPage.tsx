import { Button, Col, Empty, Row, Space } from 'antd';
import { ArrowLeftOutlined, FullscreenOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../shared/client';
import { useI18n } from '../../shared/i18n';
import { ErrorResult, PageLoading } from '../../shared/components/common';
import { useFetch } from '../../shared/components/hooks';
import type { Paged } from '../../shared/types';
import { useOverviewStream, type Warning } from './svApi';
import { clock, Counters, LiveBadge } from './parts';
import { SvChart } from './LazyChart';
import { levelBarOption, regionTreemapOption, warningsPieOption } from './charts';

/** 监察室大屏: the live overview in a dark full-screen layout, with the latest red cards. */
export default function ScreenPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const region = params.get('region') ?? undefined;
  const { data, status, lastAt, error, reconnect } = useOverviewStream(region);
  const [now, setNow] = useState(() => new Date());
  const [minute, setMinute] = useState(0);
  useEffect(() => {
    const h = setInterval(() => setNow(new Date()), 1000);
    const m = setInterval(() => setMinute((n) => n + 1), 60_000);
    return () => {
      clearInterval(h);
      clearInterval(m);
    };
  }, []);
  // The red cards follow the stream: every pushed overview (pushed only on a change) reloads them.
  const reds = useFetch<Paged<Warning>>(
    (signal) =>
      api.get('/api/supervision/warnings', {
        params: { query: { level: 'red', regionCode: region, pageSize: 12 } },
        signal,
        silent: true,
      }),
    [region, data?.generatedAt, minute],
  );
  const full = () => void document.documentElement.requestFullscreen?.().catch(() => undefined);

  return (
    <div className="sv-screen" data-testid="sv-screen">
      <div className="sv-screen-head">
        <Space>
          <Button
            ghost
            icon={<ArrowLeftOutlined />}
            onClick={() => navigate('/supervision')}
            data-testid="sv-screen-exit"
          >
            {t('sv.screen.back')}
          </Button>
          <LiveBadge status={status} lastAt={lastAt} onReconnect={reconnect} />
        </Space>
        <h1>{t('sv.screen.title')}</h1>
        <Space>
          <span style={{ fontSize: 20, fontVariantNumeric: 'tabular-nums' }} data-testid="sv-screen-clock">
            {data?.today} {clock(now)}
          </span>
          <Button ghost icon={<FullscreenOutlined />} onClick={full} aria-label={t('sv.screen.full')} />
        </Space>
      </div>
      {error ? (
        <div style={{ background: '#fff', borderRadius: 6 }}>
          <ErrorResult error={error} onRetry={reconnect} />
        </div>
      ) : !data ? (
        <PageLoading />
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Counters o={data} dark />
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={8}>
              <div className="sv-panel">
                <h3>{t('sv.chart.byLevel')}</h3>
                <SvChart option={levelBarOption(data, t, true)} height={300} testId="sv-screen-chart-level" />
              </div>
            </Col>
            <Col xs={24} lg={8}>
              <div className="sv-panel">
                <h3>{t('sv.chart.warnings')}</h3>
                <SvChart option={warningsPieOption(data, t, true)} height={300} testId="sv-screen-chart-warnings" />
              </div>
            </Col>
            <Col xs={24} lg={8}>
              <div className="sv-panel" data-testid="sv-screen-reds">
                <h3>{t('sv.screen.reds')}</h3>
                {reds.data?.items.length ? (
                  <ul className="sv-redlist">
                    {reds.data.items.map((w) => (
                      <li key={w.id} data-testid={`sv-screen-red-${w.caseNumber}-${w.rule}`}>
                        {w.source === 'hotline' && <span>{t('sv.ticket')} </span>}
                        <span className="sv-red-num">{w.caseNumber}</span> · {w.itemName}
                        {w.unitName && <span> · {w.unitName}</span>}
                        <div style={{ color: '#91caff' }}>
                          {w.ruleName} · {w.raisedOn} · {t(`sv.wstate.${w.state}`)}
                        </div>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <Empty description={<span style={{ color: '#91caff' }}>{t('sv.screen.noReds')}</span>} />
                )}
              </div>
            </Col>
            <Col xs={24}>
              <div className="sv-panel">
                <h3>{t('sv.chart.byRegion')}</h3>
                {data.byRegion.length ? (
                  <SvChart option={regionTreemapOption(data, t, true)} height={340} testId="sv-screen-chart-region" />
                ) : (
                  <Empty description={<span style={{ color: '#91caff' }}>{t('common.empty')}</span>} />
                )}
              </div>
            </Col>
          </Row>
        </Space>
      )}
    </div>
  );
}
