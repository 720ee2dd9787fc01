import { describe, expect, it } from 'vitest';
import { decidedBelow, governmentName, resolveBody, unresolvedBodyError } from './catalog.authority';
import type { ItemGuide } from './catalog.schemas';

const county = { code: '211103', name: '兴隆台区', level: 'county' as const };
const town = { code: '211103001000', name: '振兴街道', level: 'town' as const };
const XLT = [{ name: '兴隆台区行政审批局' }, { name: '兴隆台区民政局' }, { name: '盘锦市公安局兴隆台分局' }];
const body = (office?: ItemGuide['implementingBody']['office']): ItemGuide['implementingBody'] => ({
  name: '所在县（区）民政局',
  nature: '法定机关',
  ...(office ? { office } : {}),
});

describe('the implementing body of the deciding region', () => {
  it('finds the department of the deciding county by its keyword: 民政局 → 兴隆台区民政局', () => {
    expect(resolveBody(body({ kind: 'department', keyword: '民政局' }), county, XLT, false)).toEqual({
      name: '兴隆台区民政局',
    });
    expect(resolveBody(body({ kind: 'department', keyword: '公安' }), county, XLT, false)).toEqual({
      name: '盘锦市公安局兴隆台分局',
    });
  });

  it('refuses a placeholder: no department, several, or no office named for a region below the item’s own', () => {
    expect(resolveBody(body({ kind: 'department', keyword: '残疾人联合会' }), county, XLT, false)).toEqual({
      error: '兴隆台区没有名称含「残疾人联合会」的部门',
    });
    expect(resolveBody(body({ kind: 'department', keyword: '兴隆台' }), county, XLT, false)).toMatchObject({
      error: expect.stringContaining('兴隆台区有多个名称含「兴隆台」的部门'),
    });
    const none = resolveBody(body(), county, XLT, false);
    expect(none).toMatchObject({ error: expect.stringContaining('所在县（区）民政局') });
    expect('name' in none).toBe(false);
  });

  it('takes the guide’s own name when the item is decided in its own region', () => {
    const city = { code: '211100', name: '盘锦市', level: 'city' as const };
    expect(resolveBody({ name: '盘锦市行政审批服务局', nature: '法定机关' }, city, [], true)).toEqual({
      name: '盘锦市行政审批服务局',
    });
  });

  it('names the government of a county, a town, a street, a zone, a village and a community', () => {
    expect(resolveBody(body({ kind: 'government' }), county, [], false)).toEqual({ name: '兴隆台区人民政府' });
    expect(resolveBody(body({ kind: 'government' }), town, [], false)).toEqual({ name: '振兴街道办事处' });
    expect(governmentName({ name: '田庄台镇' })).toBe('田庄台镇人民政府');
    expect(governmentName({ name: '盘山县' })).toBe('盘山县人民政府');
    expect(governmentName({ name: '盘锦高新技术产业开发区' })).toBe('盘锦高新技术产业开发区管理委员会');
    expect(governmentName({ name: '世纪社区' })).toBe('世纪社区居民委员会');
    expect(governmentName({ name: '王家村' })).toBe('王家村民委员会');
    expect(governmentName({ name: '盘山县林场' })).toBe('盘山县林场');
    expect(governmentName({ name: '某某' })).toBeNull();
  });

  it('knows when an item is decided below its own region, and says which regions fail', () => {
    expect(decidedBelow({ decideLevel: 'county' }, 'city')).toBe(true);
    expect(decidedBelow({ decideLevel: 'city' }, 'city')).toBe(false);
    expect(unresolvedBodyError([])).toBeNull();
    const e = unresolvedBodyError(Array.from({ length: 7 }, (_, i) => `区${i}没有名称含「民政局」的部门`));
    expect(e?.field).toBe('implementingBody.office');
    expect(e?.message).toMatch(/^实施机关无法确定：区0没有/);
    expect(e?.message).toContain('等 7 处');
  });
});
