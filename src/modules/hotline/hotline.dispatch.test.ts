import { describe, expect, it } from 'vitest';
import { categoryPath, redispatchProblem, suggestRule, type DispatchRule, type Unit } from './hotline.dispatch';

const rule = (category: string, prefix: string, unit: string): DispatchRule => ({
  category_code: category,
  region_prefix: prefix,
  unit_kind: unit.startsWith('2') ? 'region' : 'department',
  unit_code: unit,
  unit_name: unit,
});
const rules = [
  rule('CSGL', '2111', 'PJ-ZJ'),
  rule('CSGL', '211103', '211103'),
  rule('CSGL-DL', '2111', 'PJ-JT'),
  rule('CSGL-DL', '211103001', '211103001000'),
  rule('SCJG', '2111', 'PJ-SCJG'),
];

describe('suggestRule', () => {
  it('prefers the narrowest region for the same category', () => {
    expect(suggestRule(rules, ['CSGL', 'CSGL-WS'], '211103002001')?.unit_code).toBe('211103');
    expect(suggestRule(rules, ['CSGL', 'CSGL-WS'], '211102001001')?.unit_code).toBe('PJ-ZJ');
  });

  it('prefers the most specific category over the narrower region', () => {
    expect(suggestRule(rules, ['CSGL', 'CSGL-DL'], '211103002001')?.unit_code).toBe('PJ-JT');
    expect(suggestRule(rules, ['CSGL', 'CSGL-DL'], '211103001005')?.unit_code).toBe('211103001000');
  });

  it('answers null when no rule covers the category or the region', () => {
    expect(suggestRule(rules, ['JY'], '211103001005')).toBeNull();
    expect(suggestRule(rules, ['SCJG'], '210200')).toBeNull();
  });
});

describe('categoryPath', () => {
  const parents: Record<string, string | null> = { A: null, 'A-1': 'A', 'A-1-x': 'A-1', LOOP: 'LOOP' };
  it('walks up to the root', () => {
    expect(categoryPath('A-1-x', (c) => parents[c])).toEqual(['A', 'A-1', 'A-1-x']);
  });
  it('stops on a cycle', () => {
    expect(categoryPath('LOOP', (c) => parents[c])).toEqual(['LOOP']);
  });
});

describe('redispatchProblem', () => {
  const county: Unit = { kind: 'region', code: '211103', name: '兴隆台区', regionCode: '211103', level: 'county' };
  const town: Unit = {
    kind: 'region',
    code: '211103001000',
    name: '振兴街道',
    regionCode: '211103001000',
    level: 'town',
  };
  const village: Unit = { ...town, code: '211103001001', regionCode: '211103001001', level: 'village' };
  const otherTown: Unit = { ...town, code: '211102001000', regionCode: '211102001000' };
  const countyDept: Unit = {
    kind: 'department',
    code: 'XLT-ZJ',
    name: '住建局',
    regionCode: '211103',
    level: 'county',
  };
  const cityDept: Unit = { kind: 'department', code: 'PJ-ZJ', name: '市住建局', regionCode: '211100', level: 'city' };

  it('lets a county pass a ticket to its towns, villages and departments', () => {
    expect(redispatchProblem(county, town)).toBeNull();
    expect(redispatchProblem(county, village)).toBeNull();
    expect(redispatchProblem(county, countyDept)).toBeNull();
  });

  it('refuses another county’s town, a city department and itself', () => {
    expect(redispatchProblem(county, otherTown)).toContain('兴隆台区');
    expect(redispatchProblem(county, cityDept)).toContain('二次派单只能');
    expect(redispatchProblem(county, county)).toBe('不能派给本单位');
  });

  it('lets only a county re-dispatch', () => {
    expect(redispatchProblem(town, village)).toBe('仅县区承办单位可二次派单');
    expect(redispatchProblem(countyDept, town)).toBe('仅县区承办单位可二次派单');
  });
});
