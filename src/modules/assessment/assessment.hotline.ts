/**
 * The 12345 hotline in the monthly assessment 考核: the unit figures of the period (签收率, 按时办结率, 解决率,
 * 满意率, 重办率) are kept beside a unit's score as indicators, and the tickets behind them count as facts —
 * finished after the limit, called back not satisfied, reopened. Units are departments (by code) and region
 * governments (by region code), both in the department view. A complaint 投诉 that names a window clerk or a
 * case counts against that clerk (named, else the case's accepting clerk) and the case's department and hall.
 */
import type { Db } from '../../platform/db';
import { acceptingClerksOf, caseRefsByNumber } from '../cases/index';
import { hotlineComplaintsBetween, hotlineUnitFiguresBetween } from '../hotline/index';
import type { WarningScope } from '../supervision/index';
import type { FactLine, GroupBy, UnitFactSet } from './assessment.facts';
import type { ItemCode } from './assessment.rules';

export interface HotlineIndicators {
  dispatched: number;
  signRate: number | null;
  onTimeRate: number | null;
  solvedRate: number | null;
  satisfiedRate: number | null;
  reopenRate: number | null;
}

interface Sink {
  unit: (key: string, label?: string | null) => UnitFactSet;
  add: (u: UnitFactSet, item: ItemCode, n: number, line?: Omit<FactLine, 'item'>) => void;
}

/** Adds the hotline's facts of the period to the units of `groupBy` (`asOf`: the day summary lines are dated). */
export async function addHotlineFacts(
  db: Db,
  scope: WarningScope,
  groupBy: GroupBy,
  from: string,
  to: string,
  asOf: string,
  { unit, add }: Sink,
): Promise<void> {
  const [figures, complaints] = await Promise.all([
    groupBy === 'department' ? hotlineUnitFiguresBetween(db, scope, from, to) : Promise.resolve([]),
    hotlineComplaintsBetween(db, scope.regionPrefix, from, to),
  ]);

  for (const f of figures) {
    const u = unit(f.unitCode, f.unitName);
    u.hotline = {
      dispatched: f.dispatched,
      signRate: f.signRate,
      onTimeRate: f.onTimeRate,
      solvedRate: f.solvedRate,
      satisfiedRate: f.satisfiedRate,
      reopenRate: f.reopenRate,
    };
    const line = (text: string) => ({ on: asOf, caseNumber: null, text: `12345 热线：${text}` });
    if (f.late) add(u, 'hotline_late', f.late, line(`本期办结 ${f.finished} 件，其中超过办理时限 ${f.late} 件`));
    if (f.unsatisfied)
      add(u, 'hotline_unsatisfied', f.unsatisfied, line(`回访 ${f.calledBack} 件，其中不满意 ${f.unsatisfied} 件`));
    if (f.reopened) add(u, 'hotline_reopened', f.reopened, line(`派单 ${f.dispatched} 件，其中重办 ${f.reopened} 件`));
  }

  if (!complaints.length) return;
  const cases = await caseRefsByNumber(
    db,
    complaints.flatMap((c) => (c.caseNumber ? [c.caseNumber] : [])),
  );
  const clerks =
    groupBy === 'clerk'
      ? await acceptingClerksOf(
          db,
          [...cases.values()].map((c) => c.id),
        )
      : new Map();
  for (const c of complaints) {
    const theCase = c.caseNumber ? cases.get(c.caseNumber) : undefined;
    let key: string | null | undefined;
    if (groupBy === 'department') key = theCase?.departmentCode;
    else if (groupBy === 'hall') key = theCase?.hallId;
    else key = c.clerkId ?? (theCase ? clerks.get(theCase.id)?.actorId : null);
    // Only the units of the actor's scope: a department-bound actor assesses its own departments.
    if (!key || (groupBy === 'department' && scope.departmentCodes && !scope.departmentCodes.includes(key))) continue;
    if (groupBy === 'hall' && scope.hallId && key !== scope.hallId) continue;
    add(unit(key), 'hotline_complaint', 1, {
      on: c.on,
      caseNumber: c.caseNumber,
      text: `12345 投诉（工单 ${c.number}）：${c.title}`,
    });
  }
}
