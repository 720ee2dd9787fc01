import { Button, Col, Empty, Row, Space } from 'antd';
import { ArrowLeftOutlined, FullscreenOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../shared/client';
import { useI18n } from '../../shared/i18n';
import { ErrorResult, PageLoading } from '../../shared/components/common';
import { useFetch } from '../../shared/components/hooks';
import { SvChart } from '../supervision/LazyChart';
import { clock } from '../supervision/parts';
import '../supervision/supervision.css';
import { countBarOption, percent, type HotlineScreen } from './reportCharts';
import { TopicWord } from './TopicWord';

/** How often the screen asks for fresh figures. */
const REFRESH_MS = 30_000;
const UNITS_SHOWN = 10;

/** 热线大屏: today's volume, answered-at-once rate, open and overdue tickets, hot topics and the units' ranking. */
export default function ScreenPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [now, setNow] = useState(() => new Date());
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const s = setInterval(() => setNow(new Date()), 1000);
    const r = setInterval(() => setTick((n) => n + 1), REFRESH_MS);
    return () => {
      clearInterval(s);
      clearInterval(r);
    };
  }, []);
  const screen = useFetch<HotlineScreen>((signal) => api.get('/api/hotline/screen', { signal, silent: true }), [tick]);
  const data = screen.data;
  const full = () => void document.documentElement.requestFullscreen?.().catch(() => undefined);
  const tiles = data
    ? [
        { key: 'today', label: t('hr.screen.today'), value: String(data.total), color: '#69b1ff' },
        { key: 'atOnce', label: t('hr.screen.atOnceRate'), value: percent(data.answeredAtOnceRate), color: '#95de64' },
        { key: 'open', label: t('hr.screen.open'), value: String(data.open), color: '#ffd666' },
        { key: 'overdue', label: t('hr.screen.overdue'), value: String(data.overdue), color: '#ff7875' },
      ]
    : [];
  const units = data?.units.slice(0, UNITS_SHOWN) ?? [];
  const empty = <Empty description={<span style={{ color: '#91caff' }}>{t('hr.screen.empty')}</span>} />;

  return (
    <div className="sv-screen" data-testid="hr-screen">
      <div className="sv-screen-head">
        <Space>
          <Button ghost icon={<ArrowLeftOutlined />} onClick={() => navigate('/hotline')} data-testid="hr-screen-exit">
            {t('hr.screen.back')}
          </Button>
          {data && (
            <span className="sv-live" data-testid="hr-screen-updated">
              {t('hr.screen.updated', { time: clock(new Date(data.generatedAt)) })}
            </span>
          )}
        </Space>
        <h1>{t('hr.screen.title')}</h1>
        <Space>
          <span style={{ fontSize: 20, fontVariantNumeric: 'tabular-nums' }} data-testid="hr-screen-clock">
            {data?.today} {clock(now)}
          </span>
          <Button ghost icon={<FullscreenOutlined />} onClick={full} aria-label={t('hr.screen.full')} />
        </Space>
      </div>
      {screen.error && !data ? (
        <div style={{ background: '#fff', borderRadius: 6 }}>
          <ErrorResult error={screen.error} onRetry={screen.reload} />
        </div>
      ) : !data ? (
        <PageLoading />
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Row gutter={[12, 12]}>
            {tiles.map((c) => (
              <Col key={c.key} xs={12} lg={6}>
                <div className="sv-panel sv-tile" data-testid={`hr-screen-${c.key}`} data-value={c.value}>
                  <div className="sv-count-value" style={{ color: c.color }}>
                    {c.value}
                  </div>
                  <div className="sv-tile-label">{c.label}</div>
                </div>
              </Col>
            ))}
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <div className="sv-panel" data-testid="hr-screen-topics">
                <h3>{t('hr.screen.topics')}</h3>
                {data.topics.length ? (
                  <div style={{ lineHeight: 2.4 }}>
                    {data.topics.map((x) => (
                      <TopicWord key={x.word} topic={x} top={data.topics[0]!.count} dark />
                    ))}
                  </div>
                ) : (
                  empty
                )}
              </div>
            </Col>
            <Col xs={24} lg={12}>
              <div className="sv-panel" data-testid="hr-screen-units">
                <h3>{t('hr.screen.units')}</h3>
                {units.length ? (
                  <SvChart
                    option={countBarOption(
                      units.map((u) => u.name),
                      units.map((u) => u.onTimeRate ?? 0),
                      t('hr.col.onTimeRate'),
                      { dark: true, horizontal: true, color: '#36cfc9' },
                    )}
                    height={Math.max(220, units.length * 34)}
                    testId="hr-screen-units-chart"
                  />
                ) : (
                  empty
                )}
                <ol style={{ margin: '8px 0 0', paddingLeft: 20 }}>
                  {units.map((u) => (
                    <li key={u.key} data-testid={`hr-screen-unit-${u.key}`}>
                      {u.name} · {t('hr.col.total')} {u.total} · {t('hr.col.onTimeRate')} {percent(u.onTimeRate)} ·{' '}
                      {t('hr.col.satisfiedRate')} {percent(u.satisfiedRate)}
                    </li>
                  ))}
                </ol>
              </div>
            </Col>
          </Row>
        </Space>
      )}
    </div>
  );
}
