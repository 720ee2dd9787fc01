import { describe, expect, it } from 'vitest';
import {
  isOverdue,
  mapDepartmentName,
  mapDepartmentText,
  mapMeasureUnits,
  parseDeadline,
  splitDepartmentNames,
} from './tasks.rules';

const DEPTS = [
  { code: 'PJ-ZJ', name: '盘锦市住房和城乡建设局', shortName: '市住建局' },
  { code: 'PJ-SW', name: '盘锦市商务局', shortName: '市商务局' },
  { code: 'PJ-NY', name: '盘锦市农业农村局', shortName: '市农业农村局' },
  { code: 'PJ-CZ', name: '盘锦市财政局', shortName: '市财政局' },
  { code: 'PJ-XZSP', name: '盘锦市行政审批服务局', shortName: '市审批局' },
  { code: 'XLT-ZJ', name: '兴隆台区住房和城乡建设局', shortName: '住建局' },
];

describe('parseDeadline', () => {
  it('reads month ends, days and ISO dates', () => {
    expect(parseDeadline('2017年6月末前')).toEqual({ deadline: '2017-06-30', longTerm: false });
    expect(parseDeadline('2017年12月末前')).toEqual({ deadline: '2017-12-31', longTerm: false });
    expect(parseDeadline('2016年2月底')).toEqual({ deadline: '2016-02-29', longTerm: false });
    expect(parseDeadline('2017年6月15日')).toEqual({ deadline: '2017-06-15', longTerm: false });
    expect(parseDeadline('2017-06-15')).toEqual({ deadline: '2017-06-15', longTerm: false });
    expect(parseDeadline(new Date('2017-07-01T00:00:00Z'))).toEqual({ deadline: '2017-07-01', longTerm: false });
  });
  it('reads 长期 as long-term and 适时 as open-ended', () => {
    expect(parseDeadline('长期推进')).toEqual({ deadline: null, longTerm: true });
    expect(parseDeadline('长期坚持')).toEqual({ deadline: null, longTerm: true });
    expect(parseDeadline('长期')).toEqual({ deadline: null, longTerm: true });
    expect(parseDeadline('适时推进')).toEqual({ deadline: null, longTerm: false });
  });
  it('prefers a date over 长期 in one text', () => {
    expect(parseDeadline('2017年6月末前完成市、县、镇、村四级网上审批平台建设，并长期推进')?.deadline).toBe(
      '2017-06-30',
    );
  });
  it('rejects what it cannot read', () => {
    expect(parseDeadline('尽快')).toBeNull();
    expect(parseDeadline('')).toBeNull();
    expect(parseDeadline('2017年13月末')).toBeNull();
    expect(parseDeadline('2017-02-30')).toBeNull();
  });
});

describe('department names', () => {
  it('expands shared suffixes', () => {
    expect(splitDepartmentNames('市、兴隆台区编委办')).toEqual(['市编委办', '兴隆台区编委办']);
    expect(splitDepartmentNames('市住建委，双台子区、兴隆台区政府，辽东湾新区、辽河口生态经济区管委会')).toEqual([
      '市住建委',
      '双台子区政府',
      '兴隆台区政府',
      '辽东湾新区管委会',
      '辽河口生态经济区管委会',
    ]);
    expect(splitDepartmentNames('市商务局、市农委')).toEqual(['市商务局', '市农委']);
    expect(splitDepartmentNames('市食药监局、市工商局、市质监局、市法制办等部门')).toEqual([
      '市食药监局',
      '市工商局',
      '市质监局',
      '市法制办',
    ]);
  });
  it('maps former names, full names and short names; unknown → null', () => {
    expect(mapDepartmentName('市住建委', DEPTS)).toBe('PJ-ZJ');
    expect(mapDepartmentName('市农委', DEPTS)).toBe('PJ-NY');
    expect(mapDepartmentName('市财政局', DEPTS)).toBe('PJ-CZ');
    expect(mapDepartmentName('盘锦市商务局', DEPTS)).toBe('PJ-SW');
    expect(mapDepartmentName('市行政审批服务局', DEPTS)).toBe('PJ-XZSP');
    expect(mapDepartmentName('市人防办', DEPTS)).toBeNull();
    expect(mapDepartmentName('住建局', DEPTS)).toBe('XLT-ZJ');
  });
  it('maps a whole text into codes and unmatched names', () => {
    expect(mapDepartmentText('辽东湾新区管委会，市商务局、市农委', DEPTS)).toEqual({
      codes: ['PJ-SW', 'PJ-NY'],
      unmatched: ['辽东湾新区管委会'],
    });
  });
  it("maps a measure's units: a unit both leading and assisting only leads, unknown names once", () => {
    expect(mapMeasureUnits('市住建委、市商务局、某某办', '市商务局、市财政局、某某办', DEPTS)).toEqual({
      leadCodes: ['PJ-ZJ', 'PJ-SW'],
      assistingCodes: ['PJ-CZ'],
      unmatched: ['某某办'],
    });
  });
});

describe('isOverdue', () => {
  it('is an open dated measure past its deadline', () => {
    expect(isOverdue({ status: 'open', deadline: '2017-06-30', longTerm: false }, '2017-07-01')).toBe(true);
    expect(isOverdue({ status: 'open', deadline: '2017-06-30', longTerm: false }, '2017-06-30')).toBe(false);
    expect(isOverdue({ status: 'done', deadline: '2017-06-30', longTerm: false }, '2018-01-01')).toBe(false);
    expect(isOverdue({ status: 'open', deadline: null, longTerm: true }, '2030-01-01')).toBe(false);
    expect(isOverdue({ status: 'overdue', deadline: '2017-06-30', longTerm: false }, '2018-01-01')).toBe(false);
  });
});
