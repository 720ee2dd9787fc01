/**
 * What supervision reads of the hotline 热线工单监察 (through `index.ts`; no writes): the tickets to watch,
 * in keyset pages, each with its unit, its deadline state at `now` (the clock's `near` and `overdue`) and
 * whether it missed its sign-for time. Open tickets, and those finished since `since` (so a card whose
 * condition ended is withdrawn).
 */
import type { Db, Tx } from '../../platform/db';
import { loadCalendar } from '../calendar/index';
import { deadlineOf, type DeadlineState, type LimitUnit } from './hotline.clock';
import { CLOCK_COLUMNS, clockOf } from './hotline.read';
import { q } from './hotline.repository';
import { isSignOverdue, wasSignedLate } from './hotline.signing';
import { TYPE_LABELS, type UnitKind } from './hotline.tables';

export interface TicketWatchFact {
  id: string;
  number: string;
  title: string;
  typeLabel: string;
  /** The unit holding the ticket (null while at the centre, and once merged into another). */
  unit: { kind: UnitKind; code: string; name: string; regionCode: string } | null;
  deadline: { state: DeadlineState; dueAt: Date; onTime: boolean | null; remaining: number | null; unit: LimitUnit };
  /** The sign-for time, and whether the unit missed it (still unsigned past it, or signed late). */
  signDueAt: Date | null;
  signOverdue: boolean;
}

export async function ticketWatchPage(
  db: Db | Tx,
  opts: { now: Date; since: Date; after: string | null; limit: number },
): Promise<TicketWatchFact[]> {
  const [cal, rows] = await Promise.all([
    loadCalendar(db),
    q(db)
      .selectFrom('hotline_tickets')
      .select([
        'id',
        'number',
        'title',
        'type',
        'state',
        'region_code',
        'unit_kind',
        'unit_code',
        'unit_name',
        'unit_region_code',
        'sign_due_at',
        'signed_at',
        'sign_overdue_for',
        ...CLOCK_COLUMNS,
      ])
      .where((eb) => eb.or([eb('finished_at', 'is', null), eb('updated_at', '>=', opts.since)]))
      .$if(opts.after !== null, (qb) => qb.where('id', '>', opts.after!))
      .orderBy('id')
      .limit(opts.limit)
      .execute(),
  ]);
  return rows.map((t) => {
    const d = deadlineOf(cal, clockOf(t), opts.now);
    return {
      id: t.id,
      number: t.number,
      title: t.title,
      typeLabel: TYPE_LABELS[t.type],
      // A merged ticket is followed through its main ticket: its own cards are withdrawn.
      unit:
        t.state !== 'merged' && t.unit_kind && t.unit_code
          ? {
              kind: t.unit_kind,
              code: t.unit_code,
              name: t.unit_name ?? t.unit_code,
              regionCode: t.unit_region_code ?? t.region_code,
            }
          : null,
      deadline: { state: d.state, dueAt: d.dueAt, onTime: d.onTime, remaining: d.remaining, unit: d.unit },
      signDueAt: t.sign_due_at,
      signOverdue: isSignOverdue(t, opts.now) || wasSignedLate(t) || t.sign_overdue_for !== null,
    };
  });
}
