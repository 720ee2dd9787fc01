import { sql } from 'kysely';
import type { Kysely, Migration } from 'kysely';
import { ticketKeywords } from '../../hotline.reports.rules';

const BATCH = 2000;

/** Fills the keywords of tickets registered before they were taken at registration, a batch at a time. */
export async function backfillTicketKeywords(db: Kysely<unknown>): Promise<number> {
  let after = '00000000-0000-0000-0000-000000000000';
  let done = 0;
  for (;;) {
    const { rows } = await sql<{ id: string; title: string; content: string }>`
      select id, title, content from hotline_tickets
      where id > ${after}::uuid and keywords = '{}' order by id limit ${BATCH}`.execute(db);
    if (!rows.length) return done;
    const words = JSON.stringify(rows.map((r) => ({ id: r.id, w: ticketKeywords(r.title, r.content) })));
    await sql`
      update hotline_tickets t set keywords = array(select jsonb_array_elements_text(k.e->'w'))
      from jsonb_array_elements(${words}::jsonb) as k(e)
      where t.id = (k.e->>'id')::uuid`.execute(db);
    done += rows.length;
    after = rows[rows.length - 1]!.id;
  }
}

/**
 * Hot-topic reports: each ticket's keywords 关键词 (taken once at registration) so that a period's topics are
 * counted in SQL. Knowledge search: a trigram index on the question, so that "the question contains the
 * caller's words, or enough of its words match" is two index scans OR-ed, not a scan of every entry.
 */
export const hotlineKeywords: Migration = {
  async up(db) {
    await sql`alter table hotline_tickets add column keywords text[] not null default '{}'`.execute(db);
    await backfillTicketKeywords(db);
    await sql`create index hotline_kb_question_trgm on hotline_kb_entries using gin (question gin_trgm_ops)`.execute(
      db,
    );
  },
};
