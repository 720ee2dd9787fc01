/** The views of ratings, rectifications and appeals (one mapper each), and reading ratings. */
import type { Actor } from '../../platform/auth';
import type { Db, Tx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { getDepartment } from '../org/index';
import * as repo from './ratings.repository';
import type { AppealRow, RatingRow, RectificationRow } from './ratings.repository';
import { availableActions, RECTIFICATION_STATUS_LABELS } from './ratings.rectification';
import { CHANNEL_LABELS, indicatorLabel, isBadLevel, LEVEL_LABELS, type RatingLevel } from './ratings.rules';
import type { AppealView, RatingListQuery, RatingView, RectificationView } from './ratings.schemas';
import { RATING, scopeOf, seesRating } from './ratings.context';

/** Department names already looked up while building one answer. */
export type DeptNames = Map<string, string | null>;
export async function deptName(db: Db | Tx, names: DeptNames, code: string): Promise<string | null> {
  if (!names.has(code)) names.set(code, (await getDepartment(db, code))?.name ?? null);
  return names.get(code)!;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toAppealView(a: AppealRow): AppealView {
  return {
    id: a.id,
    ratingId: a.rating_id,
    status: a.status,
    statusLabel: { pending: '待裁定', upheld: '申诉成立', rejected: '申诉不成立' }[a.status],
    reason: a.reason,
    evidence: a.evidence,
    filedBy: a.filed_by_name,
    filedAt: a.filed_at.toISOString(),
    decidedBy: a.decided_by_name,
    decidedAt: iso(a.decided_at),
    decisionComment: a.decision_comment,
  };
}

export async function ratingViews(db: Db | Tx, rows: RatingRow[], names: DeptNames = new Map()): Promise<RatingView[]> {
  const ids = rows.map((r) => r.id);
  const [rects, appeals] = await Promise.all([repo.rectificationsByRatings(db, ids), repo.appealsByRatings(db, ids)]);
  const rectOf = new Map(rects.map((x) => [x.rating_id, x]));
  const appealOf = new Map(appeals.map((x) => [x.rating_id, x]));
  const out: RatingView[] = [];
  for (const r of rows) {
    const rect = rectOf.get(r.id);
    const appeal = appealOf.get(r.id);
    out.push({
      id: r.id,
      caseId: r.case_id,
      caseNumber: r.case_number,
      itemCode: r.item_code,
      itemName: r.item_name,
      channel: r.channel,
      channelLabel: CHANNEL_LABELS[r.channel],
      level: r.level,
      levelLabel: LEVEL_LABELS[r.level as RatingLevel],
      bad: isBadLevel(r.level),
      indicators: r.indicators.map((code) => ({ code, label: indicatorLabel(r.channel, code) })),
      comment: r.comment,
      departmentCode: r.department_code,
      departmentName: await deptName(db, names, r.department_code),
      viaDevice: r.via_device,
      ratedOn: r.rated_on,
      createdAt: r.created_at.toISOString(),
      excluded: r.excluded,
      rectification: rect
        ? {
            id: rect.id,
            status: rect.status,
            statusLabel: RECTIFICATION_STATUS_LABELS[rect.status],
            deadline: rect.deadline,
          }
        : null,
      appeal: appeal ? toAppealView(appeal) : null,
    });
  }
  return out;
}

export const ratingView = async (db: Db | Tx, row: RatingRow): Promise<RatingView> =>
  (await ratingViews(db, [row]))[0]!;

export async function rectificationView(
  db: Db | Tx,
  x: RectificationRow,
  rating: RatingRow,
  names: DeptNames = new Map(),
  today: string,
): Promise<RectificationView> {
  const [rv] = await ratingViews(db, [rating], names);
  const { rectification: _omit, ...ratingView } = rv!;
  void _omit;
  return {
    id: x.id,
    version: x.version,
    status: x.status,
    statusLabel: RECTIFICATION_STATUS_LABELS[x.status],
    rating: ratingView,
    departmentCode: x.department_code,
    departmentName: await deptName(db, names, x.department_code),
    check:
      x.check_valid === null
        ? null
        : { valid: x.check_valid, reason: x.check_reason, by: x.checked_by_name ?? '', at: iso(x.checked_at) ?? '' },
    review:
      x.review_confirm === null
        ? null
        : {
            confirmInvalid: x.review_confirm,
            comment: x.review_comment,
            by: x.reviewed_by_name ?? '',
            at: iso(x.reviewed_at) ?? '',
          },
    startedOn: x.started_on,
    deadline: x.deadline,
    deadlineProvisional: x.deadline_provisional,
    extension: x.extended ? { reason: x.extension_reason ?? '', days: x.extension_days ?? 0 } : null,
    measures: x.measures,
    callback:
      x.callback_at === null
        ? null
        : {
            by: x.callback_by_name ?? '',
            at: x.callback_at.toISOString(),
            method: x.callback_method ?? '',
            result: x.callback_result ?? '',
            applicantSatisfied: !!x.applicant_satisfied,
          },
    wasOverdue: x.was_overdue,
    overdueOn: x.overdue_on,
    closedAt: iso(x.closed_at),
    createdAt: x.created_at.toISOString(),
    availableActions: availableActions({ status: x.status, deadline: x.deadline, extended: x.extended }, today),
  };
}

export async function listRatings(db: Db, actor: Actor, q: RatingListQuery) {
  const scope = await scopeOf(db, actor, true);
  const { total, items } = await repo.listRatings(db, scope, q);
  return { total, page: q.page, pageSize: q.pageSize, items: await ratingViews(db, items) };
}

export async function getRating(db: Db, actor: Actor, id: string): Promise<RatingView> {
  const r = await repo.getRating(db, id);
  if (!r || !(await seesRating(db, actor, r, true))) throw notFound(RATING);
  return ratingView(db, r);
}
