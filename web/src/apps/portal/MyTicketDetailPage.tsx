import {
  App as AntApp,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Radio,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError, apiUrl, type Body, type Res } from '../../shared/client';
import { useI18n, type MessageKey } from '../../shared/i18n';
import { useFetch } from '../../shared/components/hooks';
import { ErrorResult, formatDateTime, PageLoading } from '../../shared/components/common';
import { stateColor } from './hotlineTickets';

type Ticket = Res<'/api/my/hotline-tickets/{id}'>;
type Evaluation = Omit<Body<'/api/my/hotline-tickets/{id}/evaluation'>, 'version'>;
const SATISFACTIONS: Evaluation['satisfaction'][] = ['satisfied', 'basically', 'unsatisfied'];

/** One 12345 ticket of the applicant `/my/tickets/:id`: status, deadline, progress, reply and the online rating. */
export default function MyTicketDetailPage() {
  const { id = '' } = useParams();
  const { t, label } = useI18n();
  const {
    data: v,
    loading,
    error,
    reload,
    setData,
  } = useFetch<Ticket>((signal) => api.get('/api/my/hotline-tickets/{id}', { params: { path: { id } }, signal }), [id]);
  if (loading && !v) return <PageLoading />;
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (!v) return null;
  return (
    <div className="hotline-portal">
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to="/my">{t('nav.my')}</Link> },
          { title: <Link to="/my/tickets">{t('ch.mine')}</Link> },
          { title: v.number },
        ]}
      />
      <Card data-testid="ticket" data-state={v.state}>
        <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="ticket-title">
          {v.title}
        </Typography.Title>
        <Space wrap style={{ marginBottom: 12 }}>
          <Tag color={stateColor(v.state)} data-testid="ticket-status">
            {v.status}
          </Tag>
          <Tag>{label('ch.t', v.type)}</Tag>
          {v.anonymous && <Tag>{t('ch.anonymousTag')}</Tag>}
        </Space>
        <Descriptions
          column={1}
          size="small"
          items={[
            { key: 'number', label: t('ch.number'), children: <Typography.Text copyable>{v.number}</Typography.Text> },
            { key: 'category', label: t('ch.category'), children: v.categoryName },
            { key: 'address', label: t('ch.address'), children: v.address || '—' },
            { key: 'created', label: t('ch.createdAt'), children: formatDateTime(v.createdAt) },
            {
              key: 'due',
              label: t('ch.dueAt'),
              children: (
                <Space size={4} wrap>
                  {formatDateTime(v.deadline.dueAt)}
                  <Tag
                    color={v.deadline.state === 'overdue' ? 'red' : v.deadline.state === 'near' ? 'orange' : undefined}
                  >
                    {t(`ch.deadline.${v.deadline.state}` as MessageKey)}
                  </Tag>
                </Space>
              ),
            },
            {
              key: 'content',
              label: t('ch.content'),
              children: (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{v.content}</Typography.Paragraph>
              ),
            },
            ...(v.fileIds.length
              ? [
                  {
                    key: 'files',
                    label: t('ch.files'),
                    children: <FileLinks ticketId={v.id} fileIds={v.fileIds} />,
                  },
                ]
              : []),
          ]}
        />
      </Card>

      <Card title={t('ch.reply')} size="small" style={{ marginTop: 16 }} data-testid="ticket-reply">
        {v.reply ? (
          <>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{v.reply.text}</Typography.Paragraph>
            {v.reply.fileIds.length > 0 && (
              <div style={{ marginBottom: 8 }}>
                <FileLinks ticketId={v.id} fileIds={v.reply.fileIds} />
              </div>
            )}
            {v.reply.at && <Typography.Text type="secondary">{formatDateTime(v.reply.at)}</Typography.Text>}
          </>
        ) : (
          <Typography.Text type="secondary">{t('ch.noReply')}</Typography.Text>
        )}
      </Card>

      {(v.canEvaluate || v.rating) && <RatingCard ticket={v} onDone={setData} onStale={reload} />}

      <Card title={t('ch.progress')} size="small" style={{ marginTop: 16 }}>
        <Timeline
          data-testid="ticket-progress"
          items={[...v.history].reverse().map((h, i) => ({
            key: i,
            children: (
              <>
                <div>{h.text}</div>
                <Typography.Text type="secondary">{formatDateTime(h.at)}</Typography.Text>
              </>
            ),
          }))}
        />
      </Card>
    </div>
  );
}

/** Links to a ticket's files, read through the ticket. */
function FileLinks({ ticketId, fileIds }: { ticketId: string; fileIds: string[] }) {
  const { t } = useI18n();
  return (
    <Space wrap>
      {fileIds.map((fileId, i) => (
        <a
          key={fileId}
          href={apiUrl('/api/my/hotline-tickets/{id}/files/{fileId}', { path: { id: ticketId, fileId } })}
          target="_blank"
          rel="noopener noreferrer"
        >
          {t('ch.file', { n: i + 1 })}
        </a>
      ))}
    </Space>
  );
}

/** The rating 评价 while the ticket awaits its callback; the rating given afterwards. */
function RatingCard({ ticket, onDone, onStale }: { ticket: Ticket; onDone: (v: Ticket) => void; onStale: () => void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Evaluation>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: Evaluation) => {
    setBusy(true);
    try {
      const after = await api.post('/api/my/hotline-tickets/{id}/evaluation', {
        params: { path: { id: ticket.id } },
        body: { ...e, version: ticket.version, comment: e.comment?.trim() || undefined },
        form,
      });
      void message.success(t('ch.thanks'));
      onDone(after);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (err.problem.code === 'stale_version') onStale();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('ch.rate')} size="small" style={{ marginTop: 16 }} data-testid="ticket-rating">
      {ticket.rating && (
        <div data-testid="ticket-rated" data-satisfaction={ticket.rating.satisfaction} style={{ marginBottom: 8 }}>
          <Space wrap>
            <span>{`${t('ch.rated')}：`}</span>
            <Tag color="blue">{ticket.rating.satisfactionLabel}</Tag>
            {ticket.rating.solved !== null && <Tag>{ticket.rating.solved ? t('ch.solvedYes') : t('ch.solvedNo')}</Tag>}
          </Space>
        </div>
      )}
      {ticket.canEvaluate && (
        <>
          <Typography.Paragraph type="secondary">{t('ch.rateHint')}</Typography.Paragraph>
          <Form<Evaluation> form={form} layout="vertical" onFinish={(e) => void submit(e)}>
            <Form.Item name="satisfaction" label={t('ch.satisfaction')} rules={[{ required: true }]}>
              <Radio.Group optionType="button" data-testid="rating-satisfaction">
                {SATISFACTIONS.map((s) => (
                  <Radio.Button key={s} value={s}>
                    {t(`ch.sat.${s}` as MessageKey)}
                  </Radio.Button>
                ))}
              </Radio.Group>
            </Form.Item>
            <Form.Item name="solved" label={t('ch.solved')} rules={[{ required: true }]}>
              <Radio.Group data-testid="rating-solved">
                <Radio value={true}>{t('ch.solvedYes')}</Radio>
                <Radio value={false}>{t('ch.solvedNo')}</Radio>
              </Radio.Group>
            </Form.Item>
            <Form.Item name="comment" label={t('ch.comment')}>
              <Input.TextArea rows={3} maxLength={2000} showCount data-testid="rating-comment" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy} data-testid="rating-submit">
              {t('ch.rateSubmit')}
            </Button>
          </Form>
        </>
      )}
    </Card>
  );
}
