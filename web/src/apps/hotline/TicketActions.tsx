/**
 * What the actor may do on a ticket now: one button per `availableActions` entry, each opening a form for
 * that action's inputs, sent with the ticket's `version`. A ticket someone else changed first (409) is
 * reloaded with a note; 退单 and 并单 ask for confirmation.
 */
import { App as AntApp, Button, Form, Input, InputNumber, Modal, Radio, Select, Space } from 'antd';
import { useState } from 'react';
import { api, ApiError, type UploadedFile } from '../../shared/client';
import { FileUploadField } from '../../shared/components/FileUpload';
import { useDebounced, useFetch } from '../../shared/components/hooks';
import { useRequiredRules, useSaving } from '../../shared/components/ListPage';
import { useI18n } from '../../shared/i18n';
import { CONFIRMED_ACTIONS, SATISFACTIONS, type ActionBody, type Ticket, type UnitRef } from './hotlineApi';
import { UnitPicker } from './parts';

interface Values {
  text?: string;
  reason?: string;
  unit?: UnitRef;
  days?: number;
  satisfaction?: ActionBody['satisfaction'];
  solved?: boolean;
  mainTicketId?: string;
  files?: UploadedFile[];
}

/** What an action's form starts with (the console's 直接答复 from a knowledge entry, 派单 to the suggested unit). */
export interface ActionPreset {
  text?: string;
  kbEntryId?: string;
  unit?: UnitRef;
}

/** Another open ticket to merge into: searched by number or title among the centre's tickets. */
function MainTicketSelect({
  value,
  onChange,
  self,
}: {
  value?: string;
  onChange?: (v?: string) => void;
  self: string;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const dq = useDebounced(q);
  const list = useFetch(
    (signal) =>
      api.get('/api/hotline/tickets', {
        params: { query: { q: dq || undefined, pageSize: 20 } },
        signal,
        silent: true,
      }),
    [dq],
  );
  return (
    <Select
      showSearch
      filterOption={false}
      onSearch={setQ}
      value={value}
      onChange={onChange}
      loading={list.loading}
      placeholder={t('hl.pickMainTicket')}
      data-testid="hl-action-main"
      options={(list.data?.items ?? [])
        .filter((r) => r.id !== self && r.state !== 'merged' && r.state !== 'closed')
        .map((r) => ({ value: r.id, label: `${r.number} ${r.title}` }))}
    />
  );
}

export function TicketActions({
  ticket,
  onDone,
  onStale,
  only,
  preset,
}: {
  ticket: Ticket;
  /** The ticket as the action left it. */
  onDone: (next: Ticket) => void;
  /** Someone changed the ticket first: read it again. */
  onStale: () => void;
  /** Offer only these actions (the console's next step after registering). */
  only?: string[];
  preset?: Record<string, ActionPreset>;
}) {
  const { t } = useI18n();
  const { message, modal } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [open, setOpen] = useState<Ticket['availableActions'][number] | null>(null);
  const [saving, run] = useSaving();
  const actions = ticket.availableActions.filter((a) => !only || only.includes(a.action));
  const needs = (r: string) => !!open?.requires.includes(r);
  const countyRoot = ticket.unit?.kind === 'region' ? ticket.unit.code : undefined;

  const start = (a: Ticket['availableActions'][number]) => {
    form.resetFields();
    const p = preset?.[a.action];
    form.setFieldsValue({ text: p?.text, unit: p?.unit });
    setOpen(a);
  };

  const send = (v: Values) =>
    run(async () => {
      if (!open) return;
      const body: ActionBody = {
        action: open.action as ActionBody['action'],
        version: ticket.version,
        text: v.text,
        reason: v.reason,
        unit: v.unit,
        days: v.days,
        satisfaction: v.satisfaction,
        solved: v.solved,
        mainTicketId: v.mainTicketId,
        fileIds: (v.files ?? []).map((f) => f.id),
        kbEntryId: preset?.[open.action]?.kbEntryId,
      };
      try {
        const next = await api.post('/api/hotline/tickets/{id}/actions', {
          params: { path: { id: ticket.id } },
          body,
          form,
          silent: true,
        });
        setOpen(null);
        void message.success(t('hl.actionDone', { action: open.label }));
        onDone(next);
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        if (err.status === 409) {
          setOpen(null);
          void message.warning(t('hl.stale'));
          onStale();
        } else void message.error(err.problem.detail);
      }
    });

  const submit = (v: Values) => {
    if (!open || !CONFIRMED_ACTIONS.has(open.action)) return void send(v);
    modal.confirm({
      title: t('hl.confirmAction', { action: open.label }),
      content: t(`hl.confirm.${open.action === 'merge' ? 'merge' : 'return'}`),
      okText: t('common.ok'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger: true, 'data-testid': 'hl-confirm-ok' },
      onOk: () => send(v),
    });
  };

  if (!actions.length) return null;
  const rules = useRequiredRules();
  const required = (field: string) => [rules.required(field)];
  return (
    <>
      <Space wrap data-testid="hl-actions">
        {actions.map((a, i) => (
          <Button
            key={a.action}
            type={i === 0 ? 'primary' : 'default'}
            danger={CONFIRMED_ACTIONS.has(a.action)}
            onClick={() => start(a)}
            data-testid={`hl-action-${a.action}`}
          >
            {a.label}
          </Button>
        ))}
      </Space>
      <Modal
        open={open !== null}
        title={open?.label}
        onCancel={() => setOpen(null)}
        onOk={() => form.submit()}
        confirmLoading={saving}
        okText={t('hl.submit')}
        cancelText={t('common.cancel')}
        okButtonProps={{ 'data-testid': 'hl-action-submit' }}
        destroyOnHidden
        forceRender
      >
        <Form<Values> form={form} layout="vertical" onFinish={submit} data-testid="hl-action-form">
          {needs('unit') && (
            <Form.Item name="unit" label={t('hl.field.unit')} rules={[{ required: true, message: t('hl.pickUnit') }]}>
              <UnitPicker rootCode={open?.action === 'redispatch' ? countyRoot : undefined} testId="hl-action-unit" />
            </Form.Item>
          )}
          {needs('text') && (
            <Form.Item name="text" label={t('hl.field.replyText')} rules={required(t('hl.field.replyText'))}>
              <Input.TextArea rows={5} maxLength={5000} showCount data-testid="hl-action-text" />
            </Form.Item>
          )}
          {open?.action === 'reply' && (
            <Form.Item name="files" label={t('hl.field.files')}>
              <FileUploadField testId="hl-action-files" />
            </Form.Item>
          )}
          {needs('reason') && (
            <Form.Item name="reason" label={t('hl.field.reason')} rules={required(t('hl.field.reason'))}>
              <Input.TextArea rows={3} maxLength={2000} showCount data-testid="hl-action-reason" />
            </Form.Item>
          )}
          {needs('days') && (
            <Form.Item name="days" label={t('hl.field.days')} rules={[{ required: true, message: t('hl.pickDays') }]}>
              <InputNumber min={1} max={60} precision={0} style={{ width: 160 }} data-testid="hl-action-days" />
            </Form.Item>
          )}
          {needs('satisfaction') && (
            <>
              <Form.Item
                name="satisfaction"
                label={t('hl.field.satisfaction')}
                rules={[{ required: true, message: t('hl.pickSatisfaction') }]}
              >
                <Radio.Group
                  data-testid="hl-action-satisfaction"
                  options={SATISFACTIONS.map((s) => ({ value: s, label: t(`hl.satisfaction.${s}`) }))}
                />
              </Form.Item>
              <Form.Item
                name="solved"
                label={t('hl.field.solved')}
                rules={[{ required: true, message: t('hl.pickSolved') }]}
              >
                <Radio.Group
                  data-testid="hl-action-solved"
                  options={[
                    { value: true, label: t('hl.solved.yes') },
                    { value: false, label: t('hl.solved.no') },
                  ]}
                />
              </Form.Item>
            </>
          )}
          {needs('mainTicket') && (
            <Form.Item
              name="mainTicketId"
              label={t('hl.field.mainTicket')}
              rules={[{ required: true, message: t('hl.pickMainTicket') }]}
            >
              <MainTicketSelect self={ticket.id} />
            </Form.Item>
          )}
          {!open?.requires.length && open?.action !== 'reply' && (
            <div>{t('hl.confirmPlain', { action: open?.label ?? '' })}</div>
          )}
        </Form>
      </Modal>
    </>
  );
}
