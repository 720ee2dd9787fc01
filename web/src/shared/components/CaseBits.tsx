import { Button, Card, Empty, List, Space, Tag, Timeline, Tooltip, Typography } from 'antd';
import { DownloadOutlined, EyeOutlined, PrinterOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n';
import {
  payloadOf,
  caseDocUrl,
  type CaseDocument,
  type CaseView,
  type DeadlineColour,
  type DeadlineState,
  type HistoryEntry,
  type ItemDetail,
} from '../cases';
import { formatDateTime } from './common';

const STATUS_COLOURS: Record<string, string> = {
  draft: 'default',
  submitted: 'processing',
  prereviewed: 'processing',
  correction_requested: 'warning',
  accepted: 'blue',
  reviewed: 'blue',
  granted: 'cyan',
  certificate_issued: 'cyan',
  suspended: 'purple',
  completed: 'success',
  refused: 'error',
  denied: 'error',
  withdrawn: 'default',
};

/** The status with the label the API gives; colour by the stable code. */
export function StatusTag({ status, label }: { status: string; label: string }) {
  return (
    <Tag
      color={STATUS_COLOURS[status] ?? 'blue'}
      data-testid="case-status"
      data-status={status}
      style={{ marginInlineEnd: 0 }}
    >
      {label}
    </Tag>
  );
}

const TAG_COLOURS: Record<DeadlineColour, string | undefined> = {
  green: 'green',
  yellow: 'gold',
  red: 'red',
  grey: undefined,
};

/** Deadline colour (green on time, yellow near, red overdue, grey not running) with the working days left. */
export function DeadlineTag({
  colour,
  state,
  remaining,
  provisional,
  stateLabel,
}: {
  colour: DeadlineColour;
  state: DeadlineState;
  remaining: number | null;
  provisional?: boolean;
  stateLabel?: string;
}) {
  const { t, label } = useI18n();
  const text =
    remaining === null || state === 'finished' || state === 'not_started'
      ? (stateLabel ?? label('deadlineState', state))
      : remaining < 0
        ? t('case.overdueDays', { n: -remaining })
        : state === 'suspended'
          ? `${stateLabel ?? label('deadlineState', state)} · ${t('case.remainingDays', { n: remaining })}`
          : t('case.remainingDays', { n: remaining });
  return (
    <Space size={4} wrap>
      <Tag
        color={TAG_COLOURS[colour]}
        data-testid={`deadline-${colour}`}
        data-state={state}
        style={{ marginInlineEnd: 0 }}
      >
        {text}
      </Tag>
      {provisional && (
        <Tooltip title={t('case.provisionalHint')}>
          <Tag color="orange" data-testid="deadline-provisional" style={{ marginInlineEnd: 0 }}>
            {t('case.provisional')}
          </Tag>
        </Tooltip>
      )}
    </Space>
  );
}

/** `211103199001011234` → `2111**********1234`. */
export function maskId(id: string | null | undefined): string {
  if (!id) return '';
  return id.length <= 8 ? id : `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}
export function maskPhone(p: string | null | undefined): string {
  if (!p) return '';
  return /^1\d{10}$/.test(p) ? `${p.slice(0, 3)}****${p.slice(-4)}` : p.replace(/\d{4}$/, '****');
}

const CLOCK_COLOURS: Record<string, string> = { start: 'green', stop: 'orange', resume: 'blue', end: 'gray' };

/** 全程留痕: every step with actor, role, time, action, comment and clock effect. */
export function CaseHistory({
  history,
  newestFirst = true,
  materialNames = {},
  fieldLabels = {},
}: {
  history: HistoryEntry[];
  newestFirst?: boolean;
  /** materialId → name, to name the materials of a correction notice. */
  materialNames?: Record<string, string>;
  /** form field key → label. */
  fieldLabels?: Record<string, string>;
}) {
  const { t } = useI18n();
  if (!history.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} data-testid="case-history" />;
  const entries = (newestFirst ? [...history].reverse() : history).map((h) => ({ ...h, payload: payloadOf(h) }));
  return (
    <Timeline
      data-testid="case-history"
      items={entries.map((h) => ({
        key: h.seq,
        color: h.clock ? CLOCK_COLOURS[h.clock] : 'blue',
        content: (
          <div className="history-entry" data-testid={`history-${h.seq}`} data-action={h.action}>
            <div>
              <Typography.Text strong>{h.actionLabel}</Typography.Text>
              <Typography.Text type="secondary"> → {h.toStatusLabel}</Typography.Text>
            </div>
            <div className="history-meta">
              <span>{formatDateTime(h.at)}</span>
              <span>
                {h.actor.name}（{h.actor.roleLabel}）
              </span>
              {h.clock && <Tag color={CLOCK_COLOURS[h.clock]}>{h.clockLabel}</Tag>}
            </div>
            {h.comment && (
              <div className="history-comment">
                {t('case.comment')}：{h.comment}
              </div>
            )}
            {h.payload?.reason && (
              <div className="history-comment">
                {t('case.reason')}：{h.payload.reason}
              </div>
            )}
            {h.payload.corrections?.length ? (
              <ul className="history-list">
                {h.payload.corrections.map((c, i) => (
                  <li key={i}>
                    {c.materialId
                      ? `${materialNames[c.materialId] ?? c.materialId}：`
                      : c.field
                        ? `${fieldLabels[c.field] ?? c.field}：`
                        : ''}
                    {c.problem}
                  </li>
                ))}
              </ul>
            ) : null}
            {h.payload.checks?.length ? (
              <ul className="history-list" data-testid={`history-checks-${h.seq}`}>
                {h.payload.checks.map((c) => (
                  <li key={c.materialId}>
                    {c.name}：
                    {c.result === 'ok'
                      ? t('review.ok')
                      : `${t('review.problem')}${c.problem ? `（${c.problem}）` : ''}`}
                  </li>
                ))}
              </ul>
            ) : null}
            {h.payload.suspension && (
              <div className="history-comment">
                {h.payload.suspension.reason}（{t('case.expectedDays', { n: h.payload.suspension.expectedDays })}）
              </div>
            )}
            {h.payload.delivery && (
              <div className="history-comment">
                {h.payload.delivery.method === 'express'
                  ? `${t('action.express')} ${h.payload.delivery.carrier ?? ''} ${h.payload.delivery.trackingNumber ?? ''}`
                  : t('action.windowPickup')}
              </div>
            )}
          </div>
        ),
      }))}
    />
  );
}

export const materialNamesOf = (c: { materials: { materialId: string; name: string }[] }) =>
  Object.fromEntries(c.materials.map((m) => [m.materialId, m.name]));
export const fieldLabelsOf = (item: { formFields?: { key: string; label: string }[] } | undefined) =>
  Object.fromEntries((item?.formFields ?? []).map((f) => [f.key, f.label]));

/** 文书: notices, decisions, certificate; open (print) or download. */
export function CaseDocuments({
  caseId,
  documents,
  printable = false,
}: {
  caseId: string;
  documents: CaseDocument[];
  printable?: boolean;
}) {
  const { t } = useI18n();
  if (!documents.length)
    return (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('case.noDocuments')} data-testid="case-docs-empty" />
    );
  return (
    <List
      size="small"
      data-testid="case-docs"
      dataSource={documents}
      renderItem={(d) => (
        <List.Item
          actions={[
            printable ? (
              <Button
                key="print"
                size="small"
                icon={<PrinterOutlined />}
                href={caseDocUrl(caseId, d.id)}
                target="_blank"
                rel="noopener"
                data-testid={`case-doc-print-${d.kind}`}
              >
                {t('case.print')}
              </Button>
            ) : (
              <Button
                key="view"
                size="small"
                type="link"
                icon={<EyeOutlined />}
                href={caseDocUrl(caseId, d.id)}
                target="_blank"
                rel="noopener"
              >
                <span className="hide-xs">{t('case.view')}</span>
              </Button>
            ),
            <Button
              key="dl"
              size="small"
              type="link"
              icon={<DownloadOutlined />}
              href={caseDocUrl(caseId, d.id, true)}
              download
              data-testid={`case-doc-${d.kind}`}
            >
              <span className="hide-xs">{t('case.download')}</span>
            </Button>,
          ]}
        >
          <List.Item.Meta title={d.kindLabel} description={`${d.number} · ${d.issuedOn}`} />
        </List.Item>
      )}
    />
  );
}

/** The side cards of a case page: its documents, then its history. */
export function CaseDocsAndHistory({
  c,
  item,
  printable,
}: {
  c: CaseView;
  item: ItemDetail | undefined;
  printable?: boolean;
}) {
  const { t } = useI18n();
  return (
    <>
      <Card title={t('case.documents')} className="guide-section" size="small">
        <CaseDocuments caseId={c.id} documents={c.documents} printable={printable} />
      </Card>
      <Card title={t('case.history')} className="guide-section" size="small">
        <CaseHistory history={c.history} materialNames={materialNamesOf(c)} fieldLabels={fieldLabelsOf(item)} />
      </Card>
    </>
  );
}
