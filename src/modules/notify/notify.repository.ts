import { sql, type Insertable, type Selectable } from 'kysely';
import type { Db, Tx } from '../../platform/db';
import { tables } from '../../platform/db';
import type { NotifyTables, SmsStatus } from './notify.tables';
import { pageOf } from '../../platform/paging';

const q = (db: Db | Tx) => tables<NotifyTables>(db);

export type MessageRow = Selectable<NotifyTables['messages']>;
export type SmsRow = Selectable<NotifyTables['sms_outbox']>;

export async function listMessages(
  db: Db | Tx,
  userId: string,
  f: { unread?: boolean; caseId?: string; page: number; pageSize: number },
) {
  let sel = q(db).selectFrom('messages').where('user_id', '=', userId);
  if (f.unread) sel = sel.where('read_at', 'is', null);
  if (f.caseId) sel = sel.where('case_id', '=', f.caseId);
  return pageOf(sel, (qb) => qb.selectAll().orderBy('created_at', 'desc').orderBy('seq', 'desc'), f);
}

export async function countUnread(db: Db | Tx, userId: string): Promise<number> {
  const { n } = await q(db)
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(n);
}

export async function getMessage(db: Db | Tx, id: string, forUpdate = false): Promise<MessageRow | undefined> {
  let sel = q(db).selectFrom('messages').selectAll().where('id', '=', id);
  if (forUpdate) sel = sel.forUpdate();
  return sel.executeTakeFirst();
}

export async function markRead(db: Db | Tx, id: string): Promise<MessageRow> {
  return q(db)
    .updateTable('messages')
    .set({ read_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function markAllRead(db: Db | Tx, userId: string): Promise<number> {
  const rows = await q(db)
    .updateTable('messages')
    .set({ read_at: sql`now()` })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .returning('id')
    .execute();
  return rows.length;
}

export async function insertSms(db: Db | Tx, row: Insertable<NotifyTables['sms_outbox']>): Promise<SmsRow> {
  return q(db).insertInto('sms_outbox').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function listSms(db: Db | Tx, f: { status?: SmsStatus; page: number; pageSize: number }) {
  let sel = q(db).selectFrom('sms_outbox');
  if (f.status) sel = sel.where('status', '=', f.status);
  return pageOf(sel, (qb) => qb.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc'), f);
}

/** Pending texts, oldest first, locked for this dispatcher (others skip them). */
export async function claimPendingSms(tx: Tx, limit: number): Promise<SmsRow[]> {
  return q(tx)
    .selectFrom('sms_outbox')
    .selectAll()
    .where('status', '=', 'pending')
    .orderBy('created_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

export async function updateSms(
  db: Db | Tx,
  id: string,
  patch: { status: SmsStatus; attempts: number; error: string | null; sent_at: Date | null; channel: string },
): Promise<void> {
  await q(db).updateTable('sms_outbox').set(patch).where('id', '=', id).execute();
}
