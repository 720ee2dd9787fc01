import { randomUUID } from 'node:crypto';
import type { Db, Tx } from '../../platform/db';
import type { Actor } from '../../platform/auth';
import { auditInsert, recordAudit } from '../../platform/audit';
import { insertRows, type RowInsert } from '../../platform/writes';
import { badRequest, notFound } from '../../platform/errors';
import { maskPhone } from '../../platform/mask';
import * as repo from './notify.repository';
import type { MessageRow, SmsRow } from './notify.repository';
import type { SmsStatus } from './notify.tables';
import { getSmsChannel, isLogOnly, type SmsChannel } from './notify.channel';
import { UUID_RE } from '../../platform/schemas';
import { ownsMessage } from './notify.policy';

export interface NotifyInput {
  /** The recipient (identity user id). */
  userId: string;
  caseId?: string | null;
  /** Dotted code of what happened, e.g. `case.accepted`. */
  kind: string;
  title: string;
  body: string;
  /** Also a text message to this phone. */
  sms?: { phone: string; text: string } | null;
  /** Who caused it, for the audit log; omitted = the system. */
  actor?: { id: string; username: string } | null;
  ip?: string | null;
  /**
   * The caller records this message in its own audit entry (the `Notified` it gets back), written in the
   * same transaction: one audit row for one action.
   */
  auditedByCaller?: boolean;
}

export interface Notified {
  messageId: string;
  smsId: string | null;
  smsStatus: SmsStatus | null;
}

export interface MessageView {
  id: string;
  kind: string;
  title: string;
  body: string;
  caseId: string | null;
  createdAt: Date;
  readAt: Date | null;
  read: boolean;
}

export const toMessage = (r: MessageRow): MessageView => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  caseId: r.case_id,
  createdAt: r.created_at,
  readAt: r.read_at,
  read: r.read_at !== null,
});

export interface SmsView {
  id: string;
  messageId: string | null;
  /** Masked: 138****5678. */
  phone: string;
  text: string;
  status: SmsStatus;
  channel: string;
  attempts: number;
  error: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

const toSms = (r: SmsRow): SmsView => ({
  id: r.id,
  messageId: r.message_id,
  phone: maskPhone(r.phone) ?? '',
  text: r.text,
  status: r.status,
  channel: r.channel,
  attempts: r.attempts,
  error: r.error,
  createdAt: r.created_at,
  sentAt: r.sent_at,
});

const UUID = UUID_RE;
const KIND = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/;
const PHONE = /^\+?[0-9][0-9-]{4,19}$/;

/** Shortens to `max` characters (by code point), marking the cut. */
export const clip = (s: string, max: number) => {
  const chars = [...s.trim()];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
};

/** Texts longer than this are cut (a long SMS is split into many billable parts). */
export const SMS_MAX = 300;
export const MAX_ATTEMPTS = 3;

/** A notification ready to be written: its rows (message, text, audit unless the caller audits) and its ids. */
export interface PreparedNotice {
  inserts: RowInsert[];
  notified: Notified;
}

/**
 * 通知, prepared: validates and builds the rows of an in-app message to one user and, when `sms` is given, a
 * text through the configured channel, for the caller to write with its own change (`insertRows`, or inside
 * another statement), so a change that is not written notifies nobody. Over-long titles and bodies are
 * shortened rather than refused; malformed ids, kinds and phones are a 400.
 */
export function prepareNotice(input: NotifyInput): PreparedNotice {
  const errors = [
    ...(UUID.test(input.userId) ? [] : [{ field: 'userId', message: 'ID 格式有误' }]),
    ...(input.caseId == null || UUID.test(input.caseId) ? [] : [{ field: 'caseId', message: 'ID 格式有误' }]),
    ...(KIND.test(input.kind) && input.kind.length <= 60
      ? []
      : [{ field: 'kind', message: '应为小写字母、数字、下划线，以点分隔' }]),
    ...(input.title.trim() ? [] : [{ field: 'title', message: '不能为空' }]),
    ...(input.body.trim() ? [] : [{ field: 'body', message: '不能为空' }]),
    ...(!input.sms || PHONE.test(input.sms.phone) ? [] : [{ field: 'sms.phone', message: '手机号格式有误' }]),
    ...(!input.sms || input.sms.text.trim() ? [] : [{ field: 'sms.text', message: '不能为空' }]),
  ];
  if (errors.length)
    throw badRequest(
      `通知内容有误：${errors.map((e) => `${e.field}：${e.message}`).join('；')}`,
      errors,
      'notify_invalid',
    );

  const message = {
    id: randomUUID(),
    user_id: input.userId,
    case_id: input.caseId ?? null,
    kind: input.kind,
    title: clip(input.title, 100),
    body: clip(input.body, 2000),
  };
  const inserts: RowInsert[] = [{ table: 'messages', row: message }];
  let sms: { id: string; phone: string; status: SmsStatus; channel: string } | null = null;
  if (input.sms) {
    const channel = getSmsChannel();
    // The log-only channel's record is the row itself (status `logged`); a gateway's texts wait as `pending` for the dispatcher.
    sms = {
      id: randomUUID(),
      phone: input.sms.phone,
      status: isLogOnly(channel) ? 'logged' : 'pending',
      channel: channel.name.slice(0, 40),
    };
    inserts.push({ table: 'sms_outbox', row: { ...sms, message_id: message.id, text: clip(input.sms.text, SMS_MAX) } });
  }
  const notified: Notified = { messageId: message.id, smsId: sms?.id ?? null, smsStatus: sms?.status ?? null };
  if (!input.auditedByCaller) {
    inserts.push(
      auditInsert({
        actor: input.actor ?? null,
        action: 'notify.message.create',
        entityType: 'message',
        entityId: message.id,
        before: null,
        after: {
          userId: input.userId,
          caseId: message.case_id,
          kind: message.kind,
          title: message.title,
          ...(sms
            ? { sms: { id: sms.id, phone: maskPhone(sms.phone), status: sms.status, channel: sms.channel } }
            : {}),
        },
        ip: input.ip ?? null,
      }),
    );
  }
  return { inserts, notified };
}

/** 通知 in the caller's transaction (or on its own): the message, its text and its audit row in one statement. */
export async function notify(tx: Db | Tx, input: NotifyInput): Promise<Notified> {
  const { inserts, notified } = prepareNotice(input);
  await insertRows(tx, inserts);
  return notified;
}

/* ------------------------------------------------------------------ the recipient's inbox */

export async function listMessages(
  db: Db,
  actor: Actor,
  f: { unread?: boolean; caseId?: string; page: number; pageSize: number },
) {
  const r = await repo.listMessages(db, actor.id, f);
  return { total: r.total, page: f.page, pageSize: f.pageSize, items: r.items.map(toMessage) };
}

export async function unreadCount(db: Db, actor: Actor): Promise<{ count: number }> {
  return { count: await repo.countUnread(db, actor.id) };
}

/** Marks one of the actor's messages read (idempotent); someone else's message is a 404. */
export async function markRead(db: Db, actor: Actor, id: string, ip: string | null): Promise<MessageView> {
  return db.transaction().execute(async (tx) => {
    const before = await repo.getMessage(tx, id, true);
    if (!before || !ownsMessage(actor, before)) throw notFound('消息');
    if (before.read_at) return toMessage(before);
    const after = await repo.markRead(tx, id);
    await recordAudit(tx, {
      actor,
      action: 'notify.message.read',
      entityType: 'message',
      entityId: id,
      before: { readAt: null },
      after: { readAt: after.read_at },
      ip,
    });
    return toMessage(after);
  });
}

export async function markAllRead(db: Db, actor: Actor, ip: string | null): Promise<{ updated: number }> {
  return db.transaction().execute(async (tx) => {
    const updated = await repo.markAllRead(tx, actor.id);
    if (updated)
      await recordAudit(tx, {
        actor,
        action: 'notify.message.read_all',
        entityType: 'user',
        entityId: actor.id,
        before: null,
        after: { updated },
        ip,
      });
    return { updated };
  });
}

/* ------------------------------------------------------------------ SMS outbox */

export async function listSmsOutbox(db: Db, f: { status?: SmsStatus; page: number; pageSize: number }) {
  const r = await repo.listSms(db, f);
  return { total: r.total, page: f.page, pageSize: f.pageSize, items: r.items.map(toSms) };
}

/**
 * Sends pending texts through `channel` (by default the configured one) after their transactions
 * have committed; a text that fails `MAX_ATTEMPTS` times is marked failed. Returns how many were tried.
 */
export async function dispatchSms(
  db: Db,
  now: Date,
  opts: { limit?: number; channel?: SmsChannel } = {},
): Promise<number> {
  const channel = opts.channel ?? getSmsChannel();
  if (isLogOnly(channel)) return 0;
  return db.transaction().execute(async (tx) => {
    const rows = await repo.claimPendingSms(tx, opts.limit ?? 50);
    for (const r of rows) {
      const attempts = r.attempts + 1;
      let status: SmsStatus;
      let error: string | null = null;
      try {
        await channel.send(r.phone, r.text);
        status = 'sent';
      } catch (err) {
        error = clip(err instanceof Error ? err.message || err.name : String(err), 500);
        status = attempts >= MAX_ATTEMPTS ? 'failed' : 'pending';
      }
      await repo.updateSms(tx, r.id, {
        status,
        attempts,
        error,
        sent_at: status === 'sent' ? now : null,
        channel: channel.name.slice(0, 40),
      });
      await recordAudit(tx, {
        actor: null,
        action: 'notify.sms.dispatch',
        entityType: 'sms',
        entityId: r.id,
        before: { status: r.status, attempts: r.attempts },
        after: { status, attempts, error, channel: channel.name },
      });
    }
    return rows.length;
  });
}
