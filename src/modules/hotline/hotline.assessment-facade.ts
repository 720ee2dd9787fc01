/**
 * What the assessment module 考核 reads of the hotline (through `index.ts`; no writes): the unit figures of
 * a period for the units a scope covers (签收率, 按时办结率, 解决率, 满意率, 重办率 and the counts behind them),
 * and the complaints 投诉 that name a window clerk or a case.
 */
import type { Db, Tx } from '../../platform/db';
import { whereInScope, type Scope } from '../../platform/scope';
import { addDays, todayInShanghai } from '../calendar/index';
import { ratesOf } from './hotline.figures';
import { listFigures, q } from './hotline.repository';
import type { UnitKind } from './hotline.tables';

/** Which units an assessment covers: a region subtree, and its departments when bound to some. */
export interface HotlineAssessmentScope {
  regionPrefix: string;
  departmentCodes: readonly string[] | null;
}

export interface HotlineUnitFigures {
  unitKind: UnitKind;
  unitCode: string;
  unitName: string;
  dispatched: number;
  finished: number;
  /** Finished after the limit. */
  late: number;
  calledBack: number;
  /** Called back neither satisfied nor basically satisfied. */
  unsatisfied: number;
  reopened: number;
  signRate: number | null;
  onTimeRate: number | null;
  solvedRate: number | null;
  satisfiedRate: number | null;
  reopenRate: number | null;
}

const scopeOf = (s: HotlineAssessmentScope): Scope => ({
  regionPrefix: s.regionPrefix,
  departmentCodes: s.departmentCodes,
  hallId: null,
  ownerId: null,
});

/** Shanghai civil days [from, to] as instants [from 00:00, to + 1 day 00:00). */
const period = (from: string, to: string) =>
  [new Date(`${from}T00:00:00+08:00`), new Date(`${addDays(to, 1)}T00:00:00+08:00`)] as const;

/** The figures of the tickets registered in the period, per unit now holding them (units in the scope). */
export async function hotlineUnitFiguresBetween(
  db: Db | Tx,
  s: HotlineAssessmentScope,
  from: string,
  to: string,
): Promise<HotlineUnitFigures[]> {
  const [start, end] = period(from, to);
  const rows = await listFigures(db, { scope: scopeOf(s), by: 'unit' }, 'unit', start, end);
  return rows
    .filter((r) => r.key)
    .map((r) => ({
      // Region governments are named by their (numeric) region code, departments by theirs.
      unitKind: /^\d+$/.test(r.key) ? ('region' as const) : ('department' as const),
      unitCode: r.key,
      unitName: r.name,
      dispatched: r.dispatched,
      finished: r.finished,
      late: r.finished - r.on_time,
      calledBack: r.called_back,
      unsatisfied: r.called_back - r.satisfied,
      reopened: r.reopened,
      ...ratesOf(r),
    }));
}

export interface HotlineComplaint {
  ticketId: string;
  number: string;
  title: string;
  clerkId: string | null;
  caseNumber: string | null;
  /** The Shanghai day it was registered. */
  on: string;
}

/** Complaints 投诉 registered in the period, located in the region subtree, that name a clerk or a case. */
export async function hotlineComplaintsBetween(
  db: Db | Tx,
  regionPrefix: string,
  from: string,
  to: string,
): Promise<HotlineComplaint[]> {
  const [start, end] = period(from, to);
  const rows = await whereInScope(
    q(db).selectFrom('hotline_tickets'),
    { regionPrefix, departmentCodes: null, hallId: null, ownerId: null },
    { region: 'region_code' },
  )
    .select(['id', 'number', 'title', 'clerk_id', 'case_number', 'created_at'])
    .where('type', '=', 'complaint')
    .where('state', '<>', 'merged')
    .where((eb) => eb.or([eb('clerk_id', 'is not', null), eb('case_number', 'is not', null)]))
    .where('created_at', '>=', start)
    .where('created_at', '<', end)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    ticketId: r.id,
    number: r.number,
    title: r.title,
    clerkId: r.clerk_id,
    caseNumber: r.case_number,
    on: todayInShanghai(r.created_at),
  }));
}
