import { describe, expect, it } from 'vitest';
import { checkItemAlignment, delegationCovers, groupByLevel, type AlignmentItem } from './reports.alignment';

const base: AlignmentItem = {
  code: 'T-1',
  name: '测试事项',
  type: 'licence',
  typeLabel: '行政许可',
  regionLevel: 'city',
  decideLevel: 'county',
  acceptLevels: ['county', 'town'],
  delegatedTo: [],
};
const rules = (i: Partial<AlignmentItem>, opts = {}) =>
  checkItemAlignment({ ...base, ...i }, opts).map((f) => `${f.rule}@${f.level}:${f.severity}`);

describe('checkItemAlignment', () => {
  it('passes a well-configured item', () => {
    expect(rules({})).toEqual([]);
  });

  it('flags a lower level accepting what the deciding level does not take in', () => {
    expect(rules({ acceptLevels: ['town', 'village'], type: 'public_service' })).toEqual([
      'accept_without_decider@town:error',
      'accept_without_decider@village:error',
    ]);
    // delegated down to the town: the town decides itself
    expect(rules({ acceptLevels: ['town'], delegatedTo: ['town'] })).toEqual([]);
    const f = checkItemAlignment({ ...base, acceptLevels: ['town'] })[0]!;
    expect(f.message).toContain('镇街级受理');
    expect(f.message).toContain('上报件无人承接');
  });

  it('flags a deciding level above the list level, and a power decided below it without delegation', () => {
    expect(rules({ regionLevel: 'county', decideLevel: 'city', acceptLevels: ['city'] })).toEqual([
      'decide_level_mismatch@city:error',
    ]);
    expect(rules({ decideLevel: 'town', acceptLevels: ['town'] })).toEqual(['decide_level_mismatch@town:error']);
    expect(rules({ decideLevel: 'town', acceptLevels: ['town'], delegatedTo: ['town'] })).toEqual([]);
    expect(rules({ decideLevel: 'town', acceptLevels: ['town'], type: 'public_service' })).toEqual([]);
  });

  it('flags a village holding an administrative power, but not a village public service', () => {
    expect(rules({ decideLevel: 'village', acceptLevels: ['village'], delegatedTo: ['village'] })).toEqual([
      'village_power@village:error',
    ]);
    expect(rules({ acceptLevels: ['county', 'town', 'village'] })).toEqual(['village_power@village:warning']);
    expect(rules({ decideLevel: 'village', acceptLevels: ['village'], type: 'public_service' })).toEqual([]);
  });

  it('flags an accepting level without a hall in the region, from the region level down', () => {
    const opts = { hallLevels: new Set(['county'] as const), regionLevel: 'county' as const };
    expect(rules({}, opts)).toEqual(['accept_without_hall@town:warning']);
    expect(rules({ acceptLevels: ['city', 'county'], decideLevel: 'city' }, opts)).toEqual([]);
  });

  it('groups findings by level, city first', () => {
    const g = groupByLevel(checkItemAlignment({ ...base, acceptLevels: ['town', 'village'] }));
    expect(g.map((l) => [l.level, l.findings.length])).toEqual([
      ['city', 0],
      ['county', 0],
      ['town', 1],
      ['village', 2],
    ]);
  });
});

describe('delegationCovers', () => {
  it('covers the subtree of the delegated region and nothing beside it', () => {
    expect(delegationCovers('211102003010', '211102003010')).toBe(true);
    expect(delegationCovers('211102003010', '211102003011')).toBe(false);
    expect(delegationCovers('211102', '211102003011')).toBe(true);
    expect(delegationCovers('211102', '211103001000')).toBe(false);
    expect(delegationCovers('211102003000', '211102003011')).toBe(true);
  });
});
