/** A ticket's files: the citizen's attachments and the unit's reply files, read through the ticket. */
import type { Actor } from '../../platform/auth';
import type { Db } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { readFile } from '../files/index';
import * as channels from './hotline.channels.repository';
import { replyVisible } from './hotline.citizen';
import { actorUnit, reachOf } from './hotline.context';
import * as repo from './hotline.repository';

async function fileOf(db: Db, fileIds: readonly string[], fileId: string) {
  const f = fileIds.includes(fileId) ? await readFile(db, fileId) : null;
  if (!f) throw notFound('附件');
  return f;
}

/** A file of a ticket the staff member reaches (404 outside its reach or not the ticket's). */
export async function staffTicketFile(db: Db, actor: Actor, id: string, fileId: string) {
  const t = await repo.getTicket(db, id, reachOf(actor, await actorUnit(db, actor)));
  if (!t) throw notFound('工单');
  return fileOf(db, [...t.file_ids, ...t.reply_file_ids], fileId);
}

/** A file of the citizen's own ticket: what it attached, and the reply's once the centre passed it. */
export async function ownTicketFile(db: Db, actor: Actor, id: string, fileId: string) {
  const t = await channels.ownTicket(db, actor.id, id);
  if (!t) throw notFound('工单');
  return fileOf(db, [...t.file_ids, ...(replyVisible(t.state) ? t.reply_file_ids : [])], fileId);
}
