import type { FastifyRequest } from 'fastify';
import { forbidden, unauthorized } from './errors';
import { inSubtree } from './scope';

/** Stable role codes; Chinese labels live in the web app's i18n. */
export const ROLES = [
  'admin',
  'supervisor',
  'clerk',
  'approver',
  'chief',
  'agent',
  'applicant',
  'operator',
  'hotline',
  'handler',
  'tenderer',
  'agency',
  'bidder',
  'trading',
  'expert',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * The roles that work on cases (办件); the hotline's roles handle tickets and the trading roles
 * (公共资源交易) handle projects and bids, and take no step of a case.
 */
export const CASE_ROLES = ['admin', 'supervisor', 'clerk', 'approver', 'chief', 'agent', 'applicant'] as const;
export type CaseRole = (typeof CASE_ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员',
  supervisor: '效能监察员',
  clerk: '窗口人员',
  approver: '审批人员',
  chief: '审批办主任',
  agent: '代办员',
  applicant: '申请人',
  operator: '话务员',
  hotline: '热线中心',
  handler: '热线承办人员',
  tenderer: '招标人',
  agency: '招标代理',
  bidder: '投标人',
  trading: '交易中心工作人员',
  expert: '评标专家',
};

export type UserKind = 'staff' | 'person' | 'company';

/** What a staff member may see: a region subtree (by code prefix) and optionally one department / hall. */
export interface DataScope {
  regionCode: string;
  /** Records whose region code starts with this prefix are in scope. */
  regionPrefix: string;
  departmentId: string | null;
  hallId: string | null;
  windowId: string | null;
}

export interface Actor {
  id: string;
  username: string;
  name: string;
  kind: UserKind;
  roles: Role[];
  scope: DataScope;
  sessionId: string;
  csrfToken: string;
  /** True when the request was authenticated by the session cookie (CSRF applies). */
  viaCookie: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw unauthorized();
  return req.actor;
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return roles.some((r) => actor.roles.includes(r));
}

/** The signed-in actor, who must hold one of the roles. */
export function requireRole(req: FastifyRequest, ...roles: Role[]): Actor {
  const actor = requireActor(req);
  if (!hasRole(actor, ...roles)) throw forbidden();
  return actor;
}

/** Whether a record located at `regionCode` lies inside the actor's region subtree. */
export function inRegionScope(actor: Pick<Actor, 'scope'>, regionCode: string): boolean {
  return inSubtree(regionCode, actor.scope.regionPrefix);
}
