import { Badge, Button, Card, Col, Row, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { ReloadOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useI18n } from '../../shared/i18n';
import {
  LEVEL_COLORS,
  STATE_COLORS,
  STATE_KEYS,
  type LiveStatus,
  type Overview,
  type Warning,
  type WarningLevel,
  type WarningState,
} from './svApi';

const pad = (n: number) => String(n).padStart(2, '0');
export const clock = (d: Date) => `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;

/** The stream indicator `sv-live` (attribute `data-state`): connected / reconnecting / disconnected, and the last update. */
export function LiveBadge({
  status,
  lastAt,
  onReconnect,
}: {
  status: LiveStatus;
  lastAt: Date | null;
  onReconnect?: () => void;
}) {
  const { t } = useI18n();
  const badge = status === 'open' ? 'success' : status === 'connecting' ? 'processing' : 'error';
  return (
    <span className="sv-live" data-testid="sv-live" data-state={status} data-updated={lastAt?.toISOString() ?? ''}>
      <Badge status={badge} />
      <span>{t(`sv.live.${status}`)}</span>
      {lastAt && <span>· {t('sv.live.lastUpdate', { time: clock(lastAt) })}</span>}
      {status === 'closed' && onReconnect && (
        <Button
          size="small"
          type="link"
          icon={<ReloadOutlined />}
          onClick={onReconnect}
          data-testid="sv-live-reconnect"
        >
          {t('sv.live.reconnect')}
        </Button>
      )}
    </span>
  );
}

type Counter = { key: string; label: string; value: number; color: string };

export function useCounters(o: Overview): Counter[] {
  const { t } = useI18n();
  return [
    ...STATE_KEYS.map((k) => ({ key: k, label: t(`sv.state.${k}`), value: o.cases[k], color: STATE_COLORS[k] })),
    { key: 'yellow', label: t('sv.count.yellow'), value: o.warnings.yellow, color: '#d4b106' },
    { key: 'red', label: t('sv.count.red'), value: o.warnings.red, color: LEVEL_COLORS.red },
  ];
}

/** The six live counters `sv-count-<key>` (attribute `data-value`). */
export function Counters({ o, dark = false }: { o: Overview; dark?: boolean }) {
  const counters = useCounters(o);
  return (
    <Row gutter={[12, 12]} className="sv-counters">
      {counters.map((c) => (
        <Col key={c.key} xs={12} sm={8} lg={4}>
          {dark ? (
            <div className="sv-panel sv-tile" data-testid={`sv-count-${c.key}`} data-value={c.value}>
              <div className="sv-count-value" style={{ color: c.color }}>
                {c.value}
              </div>
              <div className="sv-tile-label">{c.label}</div>
            </div>
          ) : (
            <Card
              size="small"
              data-testid={`sv-count-${c.key}`}
              data-value={c.value}
              style={{ borderTop: `3px solid ${c.color}` }}
            >
              <div style={{ color: '#666' }}>{c.label}</div>
              <div className="sv-count-value" style={{ color: c.color }}>
                {c.value}
              </div>
            </Card>
          )}
        </Col>
      ))}
    </Row>
  );
}

export function LevelTag({ level }: { level: WarningLevel }) {
  const { t } = useI18n();
  return (
    <Tag color={level === 'red' ? 'red' : 'gold'} data-testid="sv-level-tag" data-level={level}>
      {t(`sv.levelCard.${level}`)}
    </Tag>
  );
}

const STATE_TAG: Record<WarningState, string> = {
  open: 'orange',
  explained: 'blue',
  confirmed: 'red',
  revoked: 'default',
};
export function WarningStateTag({ state }: { state: WarningState }) {
  const { t } = useI18n();
  return <Tag color={STATE_TAG[state]}>{t(`sv.wstate.${state}`)}</Tag>;
}

/** Where a card's subject opens: a case in the workbench, a 12345 ticket in the hotline's pages. */
export const warningSubjectPath = (w: Pick<Warning, 'source' | 'caseId'>) =>
  w.source === 'hotline' ? `/hotline/tickets/${w.caseId}` : `/workbench/cases/${w.caseId}`;

/** The number of a card's case or ticket as a link (a ticket's marked 12345 工单). */
export function WarningSubjectLink({
  w,
  children,
  testId,
}: {
  w: Pick<Warning, 'source' | 'caseId' | 'caseNumber'>;
  children?: ReactNode;
  testId?: string;
}) {
  const { t } = useI18n();
  return (
    <span>
      {w.source === 'hotline' && (
        <Tag color="purple" style={{ marginInlineEnd: 4 }}>
          {t('sv.ticket')}
        </Tag>
      )}
      <Link to={warningSubjectPath(w)} onClick={(e) => e.stopPropagation()} data-testid={testId}>
        {children ?? w.caseNumber}
      </Link>
    </span>
  );
}
