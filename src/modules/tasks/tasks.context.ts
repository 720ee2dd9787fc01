/** What every 督查督办 use case starts from: its context and what the actor may see. */
import type { Actor } from '../../platform/auth';
import type { Db, Tx } from '../../platform/db';
import { forbidden } from '../../platform/errors';
import { getDepartment } from '../org/index';
import { taskReach } from './tasks.policy';

export interface Ctx {
  actor: Actor;
  ip?: string;
  /** The instant the request acts at. */
  now: Date;
}

/** Who sees what: supervisors and admins the problems of their region; department staff the measures their department leads or assists. */
export type Scope = { kind: 'region'; prefix: string } | { kind: 'department'; code: string; prefix: string };

export async function scopeOf(db: Db | Tx, actor: Actor): Promise<Scope> {
  const reach = taskReach(actor);
  if (reach === 'region') return { kind: 'region', prefix: actor.scope.regionPrefix };
  if (reach === 'department') {
    const dept = await getDepartment(db, actor.scope.departmentId!);
    if (dept) return { kind: 'department', code: dept.code, prefix: '' };
  }
  throw forbidden('仅督查人员和承担整改任务的部门人员可查看督查督办任务');
}
