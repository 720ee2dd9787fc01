/**
 * Who may do what in public-resource trading — pure rules, tested beside this file.
 *
 * - A tenderer 招标人 or its agency 招标代理 registers a project, submits its announcements and sees
 *   the projects that name its firm (by the verified credit code of its account) — 404 otherwise.
 * - The trading centre's staff 交易中心工作人员 see the projects of their region subtree and publish
 *   the announcements submitted to them.
 * - A bidder 投标人 is a company account: it registers for lots and uploads its sealed bid, and sees
 *   only its own registrations and bids.
 * - The centre also opens lots after the deadline and keeps the credit blacklist (city-wide).
 * - Announcements, the change feed and the credit blacklist are public.
 */
import type { Actor } from '../../platform/auth';
import { inSubtree } from '../../platform/scope';
import { anyRole, guard } from '../../platform/policy';

export const isPrincipal = anyRole('tenderer', 'agency');
export const isCentre = anyRole('trading');
export const canSeeProjects = (a: Actor) => isPrincipal(a) || isCentre(a);
/** A bidder acts for its firm: the role on a company account. */
export const isBidder = (a: Actor) => a.kind === 'company' && a.roles.includes('bidder');

export const assertSeesProjects = guard(canSeeProjects, '仅招标人、招标代理和交易中心工作人员可查看交易项目');
export const assertRegistersProjects = guard(isPrincipal, '仅招标人和招标代理可登记交易项目');
export const assertSubmitsAnnouncements = guard(isPrincipal, '仅招标人和招标代理可提交公告');
export const assertPublishes = guard(isCentre, '仅交易中心工作人员可发布公告');
export const assertOpens = guard(isCentre, '仅交易中心工作人员可开标');
export const assertKeepsCredit = guard(isCentre, '仅交易中心工作人员可录入严重失信主体');
export const assertBids = guard(isBidder, '仅投标企业账号可报名和投标');

/** Which projects an actor reaches: those naming its firm, or those of its region subtree. */
export type ProjectReach = { by: 'firm'; creditCode: string } | { by: 'region'; regionPrefix: string } | null;

/** The reach of an actor whose firm's verified credit code is known (null for a firm without one). */
export function projectReach(actor: Actor, firmCreditCode: string | null): ProjectReach {
  if (isCentre(actor)) return { by: 'region', regionPrefix: actor.scope.regionPrefix };
  if (isPrincipal(actor) && firmCreditCode) return { by: 'firm', creditCode: firmCreditCode };
  return null;
}

/** The facts of a project its reach depends on. */
export interface ProjectFacts {
  regionCode: string;
  tendererCreditCode: string;
  agencyCreditCode: string | null;
}

export function reaches(reach: ProjectReach, p: ProjectFacts): boolean {
  if (!reach) return false;
  if (reach.by === 'region') return inSubtree(p.regionCode, reach.regionPrefix);
  return p.tendererCreditCode === reach.creditCode || p.agencyCreditCode === reach.creditCode;
}
