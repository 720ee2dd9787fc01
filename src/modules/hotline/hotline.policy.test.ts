import { describe, expect, it } from 'vitest';
import { actorWith } from '../../../test/actors';
import {
  assertKeepsRules,
  assertKeepsSettings,
  assertReadsSettings,
  assertRegisters,
  assertSeesTickets,
  callerView,
  canSeeTickets,
  performersOn,
  ticketReach,
} from './hotline.policy';
import type { Unit } from './hotline.dispatch';

const county: Unit = { kind: 'region', code: '211103', name: '兴隆台区', regionCode: '211103', level: 'county' };
const town: Unit = {
  kind: 'region',
  code: '211103001000',
  name: '振兴街道',
  regionCode: '211103001000',
  level: 'town',
};
const atCounty = { unit_kind: 'region' as const, unit_code: '211103' };
const atTown = { unit_kind: 'region' as const, unit_code: '211103001000' };

describe('hotline policy', () => {
  it('lets the centre and handlers see tickets, nobody else', () => {
    expect(ticketReach(actorWith(['operator']))).toBe('centre');
    expect(ticketReach(actorWith(['hotline']))).toBe('centre');
    expect(ticketReach(actorWith(['handler'], { regionPrefix: '211103' }))).toBe('unit');
    for (const r of ['clerk', 'approver', 'supervisor', 'admin'] as const)
      expect(canSeeTickets(actorWith([r]))).toBe(false);
    expect(() => assertSeesTickets(actorWith(['applicant'], { kind: 'person' }))).toThrow(/承办单位/);
  });

  it('lets only the centre register, and only the chief keep dispatch rules', () => {
    expect(() => assertRegisters(actorWith(['operator']))).not.toThrow();
    expect(() => assertRegisters(actorWith(['handler']))).toThrow(/话务员/);
    expect(() => assertKeepsRules(actorWith(['hotline']))).not.toThrow();
    expect(() => assertKeepsRules(actorWith(['operator']))).toThrow(/热线中心/);
  });

  it('lets the centre read the limits and only the chief change them', () => {
    expect(() => assertReadsSettings(actorWith(['operator']))).not.toThrow();
    expect(() => assertReadsSettings(actorWith(['handler']))).toThrow(/办理时限设置/);
    expect(() => assertKeepsSettings(actorWith(['hotline']))).not.toThrow();
    expect(() => assertKeepsSettings(actorWith(['operator']))).toThrow(/热线中心负责人/);
  });

  it('makes a handler the unit only for its own unit’s tickets, and a county also the re-dispatcher', () => {
    const handler = actorWith(['handler'], { regionPrefix: '211103' });
    expect(performersOn(handler, atCounty, county)).toEqual(['unit', 'county']);
    expect(performersOn(handler, atTown, county)).toEqual([]);
    expect(performersOn(actorWith(['handler'], { regionPrefix: '211103001' }), atTown, town)).toEqual(['unit']);
    expect(performersOn(handler, { unit_kind: null, unit_code: null }, county)).toEqual([]);
  });

  it('makes the operator an operator and the chief both', () => {
    expect(performersOn(actorWith(['operator']), atTown, null)).toEqual(['operator']);
    expect(performersOn(actorWith(['hotline']), atTown, null)).toEqual(['operator', 'chief']);
  });

  it('hides the reporter of a 举报 and an anonymous caller from units, masks the others', () => {
    const unit = actorWith(['handler'], { regionPrefix: '211103' });
    expect(callerView(unit, { type: 'report', anonymous: false })).toBe('hidden');
    expect(callerView(unit, { type: 'complaint', anonymous: true })).toBe('hidden');
    expect(callerView(unit, { type: 'complaint', anonymous: false })).toBe('masked');
    expect(callerView(actorWith(['operator']), { type: 'report', anonymous: false })).toBe('full');
  });
});
