import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth';
import type { ProcessDefinition } from '../workflow/index';
import { actingRole, actionLabel, roleLabel } from './cases.labels';

const def = {
  actions: [{ action: 'accept', label: '受理（本事项）', performers: ['clerk'] }],
} as unknown as ProcessDefinition;

describe('case labels', () => {
  it("names an action by the item's own label first, then the standard one, then the module's own", () => {
    expect(actionLabel(def, 'accept')).toBe('受理（本事项）');
    expect(actionLabel(def, 'report-up')).toBe('上报上级');
    expect(actionLabel(def, 'supply-material')).toBe('补交容缺材料');
    expect(actionLabel(def, 'register')).toBe('窗口登记');
    expect(actionLabel(def, 'no-such-action')).toBe('no-such-action');
  });

  it('names a role as a performer, else as an account role, else by its code', () => {
    expect(roleLabel('clerk')).not.toBe('clerk');
    expect(roleLabel('nobody')).toBe('nobody');
  });

  it("takes the first of the action's performers the actor acts as, else the actor's first role", () => {
    const actor = { roles: ['approver'] } as unknown as Actor;
    expect(actingRole({ performers: ['clerk', 'approver'] }, ['approver'], actor)).toBe('approver');
    expect(actingRole(null, [], actor)).toBe('approver');
    expect(actingRole(null, [], { roles: [] } as unknown as Actor)).toBe('applicant');
  });
});
