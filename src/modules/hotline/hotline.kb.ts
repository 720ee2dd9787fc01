/** The knowledge base 知识库: entries, their versions, search and use counts. */
import { sql } from 'kysely';
import type { Tx } from '../../platform/db';
import { fieldError } from '../../platform/errors';
import { q } from './hotline.repository';

/** Counts one use of a published entry (直接答复 from it); a 400 on `field` when there is no such entry. */
export async function countKbUse(tx: Tx, id: string, field: string): Promise<void> {
  const row = await q(tx)
    .updateTable('hotline_kb_entries')
    .set({ use_count: sql`use_count + 1` })
    .where('id', '=', id)
    .where('state', '=', 'published')
    .returning('id')
    .executeTakeFirst();
  if (!row) throw fieldError(field, '知识条目不存在或未发布');
}
