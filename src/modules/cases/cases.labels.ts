/**
 * How the case module names actions and roles in the history and the case view (pure): the item's own
 * label of an action first, then the standard one, then the module's own (filing, linkage, supply).
 */
import { ROLE_LABELS, type Actor } from '../../platform/auth';
import {
  PERFORMER_LABELS,
  STANDARD_ACTION_LABELS,
  type ActionDefinition,
  type Performer,
  type ProcessDefinition,
} from '../workflow/index';
import { LINKAGE_ACTIONS, SUPPLY_ACTION, SUPPLY_LABEL } from './cases.linkage';

/* ------------------------------------------------------------------ labels */

const EXTRA_ACTION_LABELS: Record<string, string> = {
  create: '创建申请',
  register: '窗口登记',
  save: '保存草稿',
  ...LINKAGE_ACTIONS,
  [SUPPLY_ACTION]: SUPPLY_LABEL,
};

export function actionLabel(def: ProcessDefinition, action: string): string {
  return (
    def.actions.find((a) => a.action === action)?.label ??
    (STANDARD_ACTION_LABELS as Record<string, string>)[action] ??
    EXTRA_ACTION_LABELS[action] ??
    action
  );
}

export const roleLabel = (role: string) =>
  (PERFORMER_LABELS as Record<string, string>)[role] ?? (ROLE_LABELS as Record<string, string>)[role] ?? role;

/** The role an actor acted in: the first of the action's performers the actor holds. */
export function actingRole(
  a: Pick<ActionDefinition, 'performers'> | null,
  performers: Performer[],
  actor: Actor,
): string {
  const p = a?.performers.find((x) => performers.includes(x));
  if (p) return p;
  return actor.roles[0] ?? 'applicant';
}
