import { Card, Descriptions, Space, Timeline, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { api } from '../../shared/client';
import { ErrorResult, formatDateTime, PageLoading } from '../../shared/components/common';
import { useFetch } from '../../shared/components/hooks';
import { PageHeader } from '../../shared/components/PageHeader';
import { useI18n } from '../../shared/i18n';
import type { Ticket } from './hotlineApi';
import { DeadlineBadge, TicketStateTag, TicketTypeTag } from './parts';
import { TicketActions } from './TicketActions';

/** 工单详情: the facts, the caller as the actor may see them, the deadline, the history and what to do next. */
export default function TicketPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const view = useFetch<Ticket>(
    (signal) => api.get('/api/hotline/tickets/{id}', { params: { path: { id } }, signal, silent: true }),
    [id],
  );
  if (view.error) return <ErrorResult error={view.error} onRetry={view.reload} />;
  const v = view.data;
  if (!v) return <PageLoading />;
  return (
    <div data-testid="hl-ticket" data-state={v.state} data-version={v.version}>
      <PageHeader
        title={
          <Space>
            {v.number}
            <TicketTypeTag type={v.type} />
            <TicketStateTag state={v.state} />
          </Space>
        }
      />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <TicketActions ticket={v} onDone={view.setData} onStale={view.reload} />
        <TicketFacts v={v} />
        {v.reply && (
          <Card size="small" title={t('hl.reply')} data-testid="hl-reply">
            <div style={{ whiteSpace: 'pre-wrap' }}>{v.reply.text}</div>
            <Typography.Text type="secondary">
              {formatDateTime(v.reply.at)}
              {v.reply.fileIds.length > 0 && ` · ${t('hl.replyFiles', { n: v.reply.fileIds.length })}`}
            </Typography.Text>
          </Card>
        )}
        <Card size="small" title={t('hl.history')}>
          <Timeline
            data-testid="hl-history"
            items={v.history.map((h, i) => ({
              key: i,
              children: (
                <div data-testid={`hl-history-${h.action}`}>
                  <strong>{h.label}</strong> · {h.actorName}
                  {h.unitName ? ` → ${h.unitName}` : ''}
                  <div>
                    <Typography.Text type="secondary">{formatDateTime(h.at)}</Typography.Text>
                  </div>
                  {h.note && <div style={{ whiteSpace: 'pre-wrap' }}>{h.note}</div>}
                </div>
              ),
            }))}
          />
        </Card>
      </Space>
    </div>
  );
}

function TicketFacts({ v }: { v: Ticket }) {
  const { t } = useI18n();
  const caller = v.callerHidden
    ? t('hl.callerHidden')
    : [v.caller?.name, v.caller?.phone, v.caller?.idNumber].filter(Boolean).join(' · ') || '—';
  const items = [
    { key: 'title', label: t('hl.field.title'), children: v.title, span: 2 },
    {
      key: 'content',
      label: t('hl.field.content'),
      children: <div style={{ whiteSpace: 'pre-wrap' }}>{v.content}</div>,
      span: 2,
    },
    { key: 'category', label: t('hl.field.category'), children: v.categoryName },
    { key: 'urgency', label: t('hl.field.urgency'), children: t(`hl.urgency.${v.urgency}`) },
    { key: 'address', label: t('hl.field.address'), children: v.address || '—' },
    { key: 'caller', label: t('hl.field.caller'), children: <span data-testid="hl-caller">{caller}</span> },
    { key: 'unit', label: t('hl.col.unit'), children: <span data-testid="hl-unit-name">{v.unit?.name ?? '—'}</span> },
    {
      key: 'deadline',
      label: t('hl.col.deadline'),
      children: (
        <Space>
          <DeadlineBadge state={v.deadline.state} dueAt={v.deadline.dueAt} onTime={v.deadline.onTime} />
          {formatDateTime(v.deadline.dueAt)}
          {v.deadline.remaining !== null &&
            v.deadline.state !== 'finished' &&
            t(`hl.remaining.${v.deadline.unit}`, { n: v.deadline.remaining })}
        </Space>
      ),
    },
    ...(v.signDueAt && !v.signedAt
      ? [{ key: 'sign', label: t('hl.signDue'), children: formatDateTime(v.signDueAt) }]
      : []),
    ...(v.caseNumber ? [{ key: 'case', label: t('hl.field.caseNumber'), children: v.caseNumber }] : []),
    ...(v.satisfaction
      ? [
          {
            key: 'satisfaction',
            label: t('hl.field.satisfaction'),
            children: `${t(`hl.satisfaction.${v.satisfaction}`)} · ${t(v.solved ? 'hl.solved.yes' : 'hl.solved.no')}`,
          },
        ]
      : []),
    ...(v.reopenCount ? [{ key: 'reopen', label: t('hl.reopenCount'), children: v.reopenCount }] : []),
    { key: 'created', label: t('hl.col.createdAt'), children: formatDateTime(v.createdAt) },
  ];
  return <Descriptions bordered size="small" column={2} items={items} data-testid="hl-facts" />;
}
