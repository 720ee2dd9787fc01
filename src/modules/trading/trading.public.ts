/** What anyone may read: published announcements (searchable, paged) and the change feed. */
import type { Db } from '../../platform/db';
import type { PageRequest } from '../../platform/paging';
import { ANNOUNCEMENT_LABELS, KINDS, PROCEDURE_LABELS, type AnnouncementKind } from './trading.kinds';
import * as repo from './trading.repository';
import type { PublicAnnouncement } from './trading.schemas';

async function withLots(db: Db, rows: repo.PublicAnnouncementRow[]): Promise<PublicAnnouncement[]> {
  const lots = await repo.lotsOf(db, [...new Set(rows.map((r) => r.project_id))]);
  return rows.map((r) => ({
    id: r.id,
    seq: Number(r.feed_seq),
    kind: r.kind,
    kindLabel: ANNOUNCEMENT_LABELS[r.kind],
    title: r.title,
    content: r.content,
    publishedAt: r.published_at!.toISOString(),
    publicityFrom: r.publicity_from?.toISOString() ?? null,
    publicityTo: r.publicity_to?.toISOString() ?? null,
    project: {
      id: r.project_id,
      number: r.project_number,
      title: r.project_title,
      kind: r.project_kind,
      kindLabel: KINDS[r.project_kind].label,
      procedure: r.procedure,
      procedureLabel: PROCEDURE_LABELS[r.procedure],
      regionCode: r.region_code,
      bidDeadline: r.bid_deadline.toISOString(),
      lots: lots
        .filter((l) => l.project_id === r.project_id)
        .map((l) => ({ id: l.id, seq: l.seq, name: l.name, deposit: Number(l.deposit) })),
    },
  }));
}

export async function listPublicAnnouncements(db: Db, f: { q?: string; kind?: AnnouncementKind } & PageRequest) {
  const page = await repo.publicAnnouncements(db, f, f);
  return { total: page.total, page: f.page, pageSize: f.pageSize, items: await withLots(db, page.items) };
}

/**
 * The change feed (as Prozorro's): announcements in the order they were published, after a cursor.
 * `next` is the last position answered, or the cursor itself when nothing is new.
 */
export async function feed(db: Db, cursor: number, limit: number) {
  const rows = await repo.feedAfter(db, cursor, limit);
  const items = await withLots(db, rows);
  return { items, next: items.length ? items[items.length - 1]!.seq : cursor };
}
