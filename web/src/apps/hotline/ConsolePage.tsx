import {
  App as AntApp,
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  List,
  Radio,
  Result,
  Row,
  Space,
  Typography,
} from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, type Res } from '../../shared/client';
import { useFetch } from '../../shared/components/hooks';
import { useRequiredRules, useSaving } from '../../shared/components/ListPage';
import { PageHeader } from '../../shared/components/PageHeader';
import { useI18n } from '../../shared/i18n';
import { TICKET_TYPES, type CreateTicket, type KbEntry, type Ticket } from './hotlineApi';
import { CategoryCascader, KbAnswer, RegionCascader, TicketStateTag, TicketTable, useCategories } from './parts';
import { TicketActions } from './TicketActions';

type Call = Res<'/api/hotline/calls', 'post'>;
const PHONE = /^[0-9+-]{3,20}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * 话务台: take a call (the call event as the telephony posts it, and the caller's earlier tickets), look the
 * question up in the knowledge base, register the ticket, then answer it at once or dispatch it.
 */
export default function ConsolePage() {
  const { t } = useI18n();
  const [form] = Form.useForm<CreateTicket>();
  const categories = useCategories();
  const [phone, setPhone] = useState('');
  const [call, setCall] = useState<Call | null>(null);
  const [chosen, setChosen] = useState<KbEntry | null>(null);
  const [ticket, setTicket] = useState<Ticket | null>(null);
  const [answering, runAnswer] = useSaving();
  const [saving, run] = useSaving();

  const answerCall = () =>
    runAnswer(async () => {
      const res = await api.post('/api/hotline/calls', {
        body: { callerPhone: phone.trim(), startedAt: new Date().toISOString() },
      });
      setCall(res);
      form.setFieldsValue({ callerPhone: res.callerPhone });
    });

  const takeEntry = (e: KbEntry) => {
    setChosen(e);
    form.setFieldsValue({
      type: 'consult',
      categoryCode: e.categoryCode ?? form.getFieldValue('categoryCode'),
      title: e.question,
      content: form.getFieldValue('content') || e.question,
    });
  };

  const register = (v: CreateTicket) =>
    run(async () => setTicket(await api.post('/api/hotline/tickets', { body: { ...v, callId: call?.id }, form })));

  const reloadTicket = () =>
    ticket &&
    void api.get('/api/hotline/tickets/{id}', { params: { path: { id: ticket.id } } }).then(setTicket, () => undefined);

  const nextCall = () => {
    setTicket(null);
    setChosen(null);
    setCall(null);
    setPhone('');
    form.resetFields();
  };

  return (
    <div data-testid="hl-console">
      <PageHeader title={t('hl.console.title')} />
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card size="small" title={t('hl.console.call')}>
              <Space.Compact style={{ width: '100%' }}>
                <Input
                  prefix={<PhoneOutlined />}
                  placeholder={t('hl.console.callerNumber')}
                  value={phone}
                  onChange={(e) => setPhone(e.target.value)}
                  data-testid="hl-call-number"
                />
                <Button
                  type="primary"
                  loading={answering}
                  disabled={!PHONE.test(phone.trim())}
                  onClick={() => void answerCall()}
                  data-testid="hl-call-answer"
                >
                  {t('hl.console.answer')}
                </Button>
              </Space.Compact>
              {call && (
                <div style={{ marginTop: 12 }} data-testid="hl-earlier">
                  <Typography.Text type="secondary">
                    {t('hl.console.earlier', { n: call.earlierTickets.length })}
                  </Typography.Text>
                  {call.earlierTickets.length > 0 && (
                    <TicketTable rows={call.earlierTickets} pagination={false} testId="hl-earlier-table" compact />
                  )}
                </div>
              )}
            </Card>
            <KbSearch onUse={takeEntry} chosenId={chosen?.id} />
          </Space>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('hl.console.form')}>
            {ticket ? (
              <Registered
                ticket={ticket}
                chosen={chosen}
                onChange={setTicket}
                onStale={reloadTicket}
                onNext={nextCall}
              />
            ) : (
              <TicketForm form={form} categories={categories} onFinish={register} saving={saving} chosen={chosen} />
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}

/** The knowledge base while talking: search, read an entry, use it to answer or mark it as no help. */
function KbSearch({ onUse, chosenId }: { onUse: (e: KbEntry) => void; chosenId?: string }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [q, setQ] = useState('');
  const [openId, setOpenId] = useState<string | null>(null);
  const found = useFetch(
    q ? (signal) => api.get('/api/hotline/kb', { params: { query: { q, pageSize: 8 } }, signal }) : null,
    [q],
  );
  const notHelpful = async (e: KbEntry) => {
    await api.post('/api/hotline/kb/{id}/not-helpful', { params: { path: { id: e.id } } });
    void message.success(t('hl.kb.notHelpfulDone'));
  };
  return (
    <Card size="small" title={t('hl.kb.search')}>
      <Input.Search
        allowClear
        enterButton
        placeholder={t('hl.kb.searchHint')}
        onSearch={(v) => setQ(v.trim())}
        data-testid="hl-kb-q"
      />
      {q && (
        <List<KbEntry>
          data-testid="hl-kb-results"
          loading={found.loading}
          dataSource={found.data?.items ?? []}
          locale={{ emptyText: t('hl.kb.none') }}
          renderItem={(e, i) => (
            <List.Item data-testid={`hl-kb-hit-${i}`} style={{ display: 'block' }}>
              <Typography.Link onClick={() => setOpenId(openId === e.id ? null : e.id)} data-testid={`hl-kb-open-${i}`}>
                {e.question}
              </Typography.Link>
              {openId === e.id && (
                <div data-testid="hl-kb-entry">
                  <KbAnswer entry={e} />
                  <Space style={{ marginTop: 8 }}>
                    <Button
                      type="primary"
                      size="small"
                      disabled={chosenId === e.id}
                      onClick={() => onUse(e)}
                      data-testid="hl-kb-use"
                    >
                      {chosenId === e.id ? t('hl.kb.used') : t('hl.kb.use')}
                    </Button>
                    <Button size="small" onClick={() => void notHelpful(e)} data-testid="hl-kb-not-helpful">
                      {t('hl.kb.notHelpful')}
                    </Button>
                  </Space>
                </div>
              )}
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

function TicketForm({
  form,
  categories,
  onFinish,
  saving,
  chosen,
}: {
  form: ReturnType<typeof Form.useForm<CreateTicket>>[0];
  categories: ReturnType<typeof useCategories>;
  onFinish: (v: CreateTicket) => void;
  saving: boolean;
  chosen: KbEntry | null;
}) {
  const { t } = useI18n();
  const { required: req, selectRequired: pick } = useRequiredRules();
  return (
    <Form<CreateTicket>
      form={form}
      layout="vertical"
      onFinish={onFinish}
      initialValues={{ type: 'consult', urgency: 'normal', anonymous: false, channel: 'phone' }}
      data-testid="hl-ticket-form"
    >
      {chosen && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('hl.console.fromKb', { question: chosen.question })}
          data-testid="hl-kb-chosen"
        />
      )}
      <Form.Item name="type" label={t('hl.field.type')} rules={[pick(t('hl.field.type'))]}>
        <Radio.Group
          optionType="button"
          options={TICKET_TYPES.map((v) => ({ value: v, label: t(`hl.type.${v}`) }))}
          data-testid="hl-form-type"
        />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="categoryCode" label={t('hl.field.category')} rules={[pick(t('hl.field.category'))]}>
            <CategoryCascader categories={categories} testId="hl-form-category" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="regionCode" label={t('hl.field.region')} rules={[pick(t('hl.field.region'))]}>
            <RegionCascader testId="hl-form-region" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="address" label={t('hl.field.address')}>
        <Input maxLength={300} data-testid="hl-form-address" />
      </Form.Item>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="callerName" label={t('hl.field.callerName')}>
            <Input maxLength={100} data-testid="hl-form-caller-name" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="callerPhone"
            label={t('hl.field.callerPhone')}
            rules={[{ pattern: PHONE, message: t('hl.badPhone') }]}
          >
            <Input maxLength={20} data-testid="hl-form-caller-phone" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="urgency" label={t('hl.field.urgency')}>
            <Radio.Group
              options={(['normal', 'urgent'] as const).map((v) => ({ value: v, label: t(`hl.urgency.${v}`) }))}
              data-testid="hl-form-urgency"
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="anonymous" valuePropName="checked">
        <Checkbox data-testid="hl-form-anonymous">{t('hl.field.anonymous')}</Checkbox>
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="caseNumber" label={t('hl.field.caseNumber')}>
            <Input maxLength={40} placeholder={t('hl.optional')} data-testid="hl-form-case" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="clerkId" label={t('hl.field.clerk')} rules={[{ pattern: UUID, message: t('hl.badClerk') }]}>
            <Input placeholder={t('hl.clerkHint')} data-testid="hl-form-clerk" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="title" label={t('hl.field.title')} rules={[req(t('hl.field.title'))]}>
        <Input maxLength={200} data-testid="hl-form-title" />
      </Form.Item>
      <Form.Item name="content" label={t('hl.field.content')} rules={[req(t('hl.field.content'))]}>
        <Input.TextArea rows={5} maxLength={5000} showCount data-testid="hl-form-content" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving} data-testid="hl-form-submit">
        {t('hl.console.register')}
      </Button>
    </Form>
  );
}

/** After registering: the next step (直接答复 or 派单 to the suggested unit), then the next call. */
function Registered({
  ticket,
  chosen,
  onChange,
  onStale,
  onNext,
}: {
  ticket: Ticket;
  chosen: KbEntry | null;
  onChange: (t: Ticket) => void;
  onStale: () => void;
  onNext: () => void;
}) {
  const { t } = useI18n();
  const done = ticket.state !== 'registered';
  return (
    <Result
      status={done ? 'success' : 'info'}
      title={
        <Space data-testid="hl-registered" data-state={ticket.state}>
          <Link to={`/hotline/tickets/${ticket.id}`} data-testid="hl-registered-number">
            {ticket.number}
          </Link>
          <TicketStateTag state={ticket.state} />
        </Space>
      }
      subTitle={
        done
          ? ticket.unit && t('hl.console.dispatchedTo', { unit: ticket.unit.name })
          : ticket.suggestedUnit
            ? t('hl.console.suggested', { unit: ticket.suggestedUnit.name })
            : t('hl.console.noSuggestion')
      }
      extra={
        done ? (
          <Button type="primary" onClick={onNext} data-testid="hl-next-call">
            {t('hl.console.next')}
          </Button>
        ) : (
          <TicketActions
            ticket={ticket}
            only={['answer', 'dispatch']}
            preset={{
              answer: { text: chosen?.answer, kbEntryId: chosen?.id },
              dispatch: {
                unit: ticket.suggestedUnit
                  ? { kind: ticket.suggestedUnit.kind, code: ticket.suggestedUnit.code }
                  : undefined,
              },
            }}
            onDone={onChange}
            onStale={onStale}
          />
        )
      }
    />
  );
}
