import { describe, expect, it } from 'vitest';
import { Problem } from '../../platform/errors';
import type { ItemDetail } from '../catalog/index';
import type { ActionDefinition } from '../workflow/index';
import { checkRequirements } from './cases.requirements';

const item = {
  materials: [{ id: 'm1' }, { id: 'm2' }],
  formFields: [{ key: 'address' }],
  specialProcedures: [{ kind: 'site_inspection', name: '现场核查', maxDays: 5 }],
  expressDelivery: false,
} as unknown as ItemDetail;
const action = (requires: ActionDefinition['requires']): ActionDefinition => ({
  action: 'x',
  label: '某操作',
  from: ['accepted'],
  to: 'accepted',
  performers: ['approver'],
  requires,
});
const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    if (err instanceof Problem) return err;
    throw err;
  }
  throw new Error('not refused');
};

describe('what an action demands of its sender', () => {
  it('passes what is asked for, trimmed, and nothing else', () => {
    expect(checkRequirements(action(['reason']), { action: 'x', version: 1, reason: '  理由  ' }, item)).toEqual({
      reason: '理由',
    });
    expect(checkRequirements(action([]), { action: 'x', version: 1, reason: '理由' }, item)).toEqual({});
  });

  it('names every missing or unknown field in one 400', () => {
    const p = refusal(() =>
      checkRequirements(
        action(['reason', 'corrections']),
        { action: 'x', version: 1, corrections: [{ materialId: 'm9', field: 'phone', problem: '缺' }] },
        item,
      ),
    );
    expect(p.status).toBe(400);
    expect(p.errors.map((e) => e.field)).toEqual(['reason', 'corrections.0.materialId', 'corrections.0.field']);
  });

  it('refuses express delivery the item does not offer, and an express delivery without its number', () => {
    const p = refusal(() =>
      checkRequirements(action(['delivery']), { action: 'x', version: 1, delivery: { method: 'express' } }, item),
    );
    expect(p.errors.map((e) => e.field)).toEqual(['delivery.trackingNumber', 'delivery.method']);
  });

  it('suspends only for a procedure the guide lists, and no longer than it allows (422)', () => {
    const body = (kind: string, expectedDays: number) =>
      ({ action: 'x', version: 1, suspension: { kind, reason: '核查', expectedDays } }) as never;
    expect(checkRequirements(action(['suspension']), body('site_inspection', 5), item).suspension?.expectedDays).toBe(
      5,
    );
    expect(refusal(() => checkRequirements(action(['suspension']), body('site_inspection', 6), item)).code).toBe(
      'special_procedure_too_long',
    );
    expect(refusal(() => checkRequirements(action(['suspension']), body('expert_review', 1), item)).code).toBe(
      'special_procedure_not_listed',
    );
  });
});
