/**
 * 上报上级 / 退回下级 (四级联动): the level holding a case hands it to the next hop up, with its pre-review opinion
 * 初审意见, or back down, with its reasons. A step of the pipeline (`cases.pipeline.ts`), taken through
 * `applyAction`; which hops a case passes is the pure `cases.linkage.ts`.
 */
import { auditInsert } from '../../platform/audit';
import { conflict, fieldError, forbidden } from '../../platform/errors';
import { statusLabel, stepOf, type Performer } from '../workflow/index';
import { handoverRoles } from './cases.policy';
import {
  handover,
  holderIndex,
  LEVEL_NAMES,
  LINKAGE_ACTIONS,
  linkageActionsAt,
  type LinkageAction,
} from './cases.linkage';
import type { ActionBody } from './cases.schemas';
import { snapshotOf } from './cases.context';
import { actionableWith, eventWho } from './cases.steps';
import type { Step } from './cases.pipeline';

/** The hand-over `action` as a step: the holder's staff only, and only where the chain goes on. */
export const handoverStep = (body: ActionBody, action: LinkageAction): Step<Performer> => ({
  allow({ row, def, loaded: { holderRoles } }) {
    const label = LINKAGE_ACTIONS[action];
    const chain = row.linkage_chain;
    const terminal = !!stepOf(def, row.status)?.terminal;
    const staffRoles = handoverRoles(holderRoles);
    if (!staffRoles.length)
      throw forbidden(`只有当前办理层级（${LEVEL_NAMES[row.current_level]}）的工作人员可以${label}`);
    if (!linkageActionsAt(chain, row.current_region_code, row.status, terminal).includes(action)) {
      const i = holderIndex(chain, row.current_region_code);
      const why =
        action === 'report-up' && i === chain.length - 1
          ? '本级即为决定层级，无需上报'
          : action === 'send-down' && i <= 0
            ? '本级为受理层级，没有可退回的下级'
            : `办件当前为「${statusLabel(def, row.status)}」，不能${label}`;
      throw conflict(why, 'invalid_state');
    }
    return staffRoles[0]!;
  },

  plan({ ctx: { actor, now, ip }, row, def }, role) {
    const text = (action === 'report-up' ? body.comment : body.reason)?.trim();
    if (!text)
      throw fieldError(
        action === 'report-up' ? 'comment' : 'reason',
        action === 'report-up' ? '上报须填写初审意见（comment）' : '退回下级须填写退回理由（reason）',
      );
    const chain = row.linkage_chain;
    const i = holderIndex(chain, row.current_region_code);
    const from = chain[i]!;
    const to = chain[action === 'report-up' ? i + 1 : i - 1]!;
    const payload = { ...handover(from, to), ...(action === 'report-up' ? { opinion: text } : { reason: text }) };
    // One statement: the hand-over, its event and its audit entry.
    return {
      patch: {
        current_region_code: to.regionCode,
        current_level: to.level,
        current_hall_id: to.hallId,
        actionable: actionableWith(def, snapshotOf(row), chain, to.regionCode),
        step_entered_at: now,
      },
      event: {
        ...eventWho(now, actor),
        actor_role: role,
        action,
        from_status: row.status,
        to_status: row.status,
        clock: null,
        comment: text,
        payload: JSON.stringify(payload),
      },
      alongside: () => [
        auditInsert({
          actor,
          action: `cases.case.${action}`,
          entityType: 'case',
          entityId: row.id,
          before: { version: row.version, holder: from.regionCode },
          after: { version: body.version + 1, holder: to.regionCode, ...payload },
          ip,
        }),
      ],
    };
  },
});
