import { describe, expect, it } from 'vitest';
import { validateDelegation, validateGuide, VILLAGE_POWER_MESSAGE } from './catalog.rules';
import { guideIndex, indexTokens, queryTokens } from './catalog.search';
import { ItemGuide } from './catalog.schemas';
import { buildGuide } from './demo/build';
import { DEMO_ITEMS } from './demo/seed';

const spec = (name: string) => DEMO_ITEMS.find((s) => s.name === name)!;
const guide = (name: string) => buildGuide(spec(name));
const fields = (g: ItemGuide) => validateGuide(g).map((e) => e.field);

describe('validateGuide', () => {
  it('accepts every demo guide, which also satisfies the zod schema', () => {
    expect(DEMO_ITEMS.length).toBeGreaterThanOrEqual(40);
    for (const s of DEMO_ITEMS) {
      const g = buildGuide(s);
      expect(ItemGuide.safeParse(g).success, s.name).toBe(true);
      expect(validateGuide(g), s.name).toEqual([]);
      expect(g.materials.length, s.name).toBeGreaterThanOrEqual(3);
    }
  });

  it('prints on a certificate only fields of the form, and gives a term only to a certificate', () => {
    const g = guide('食品经营许可');
    expect(g.result).toMatchObject({ validYears: 5, entries: ['businessPremises', 'mainForm', 'businessItems'] });
    expect(fields({ ...g, result: { ...g.result, entries: ['businessPremises', 'nope'] } })).toEqual([
      'result.entries.1',
    ]);
    expect(fields({ ...g, result: { ...g.result, type: 'approval_document' } })).toEqual(['result.validYears']);
  });

  it('says where the body of every demo item decided below the city sits (民政局, 行政审批局, the government …)', () => {
    for (const s of DEMO_ITEMS) {
      const g = buildGuide(s);
      if (g.decideLevel !== 'city') expect(g.implementingBody.office, s.name).toBeDefined();
    }
    expect(guide('最低生活保障审批').implementingBody.office).toEqual({ kind: 'department', keyword: '民政局' });
  });

  it('refuses a promised limit longer than the statutory one', () => {
    const g = guide('食品经营许可');
    expect(fields({ ...g, promisedLimit: { ...g.promisedLimit, days: 11 } })).toContain('promisedLimit.days');
  });

  it('limits immediate items to 0 or 1 promised day', () => {
    const g = guide('个体工商户设立登记');
    expect(fields({ ...g, promisedLimit: { ...g.promisedLimit, days: 1 } })).toEqual([]);
    expect(fields({ ...g, promisedLimit: { ...g.promisedLimit, days: 2 } })).toContain('promisedLimit.days');
  });

  it('requires unique material ids and form field keys', () => {
    const g = guide('食品经营许可');
    const materials = [...g.materials, { ...g.materials[0]!, name: '重复材料' }];
    const formFields = [...g.formFields, { ...g.formFields[0]! }];
    const f = fields({ ...g, materials, formFields });
    expect(f).toContain(`materials.${materials.length - 1}.id`);
    expect(f).toContain(`formFields.${formFields.length - 1}.key`);
  });

  it('lets villages decide public services only, naming decideLevel', () => {
    const g = guide('最低生活保障审批');
    const errors = validateGuide({ ...g, decideLevel: 'village', acceptLevels: ['village'] });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.field).toBe('decideLevel');
    expect(errors[0]!.message).toContain(VILLAGE_POWER_MESSAGE);
    const service = guide('城乡居民基本养老保险参保登记');
    expect(fields({ ...service, decideLevel: 'village', acceptLevels: ['village'] })).toEqual([]);
  });

  it('allows a village as a service point for any type, but never accepting above the deciding level', () => {
    const g = guide('最低生活保障审批');
    expect(g.acceptLevels).toContain('village');
    expect(g.type).toBe('benefit');
    expect(fields(g)).toEqual([]);
    expect(fields({ ...g, acceptLevels: ['city', 'county'] })).toEqual(['acceptLevels.0']);
  });

  it('checks fees and select options', () => {
    const g = guide('食品经营许可');
    expect(fields({ ...g, fees: { charged: true, items: [] } })).toContain('fees.items');
    expect(fields({ ...g, formFields: [{ key: 'kind', label: '类别', type: 'select', required: true }] })).toContain(
      'formFields.0.options',
    );
  });
});

describe('validateDelegation', () => {
  it('only moves powers downward and never a power to a village', () => {
    expect(validateDelegation({ fromLevel: 'county', toLevel: 'town' }, 'licence')).toEqual([]);
    expect(validateDelegation({ fromLevel: 'town', toLevel: 'county' }, 'licence').map((e) => e.field)).toEqual([
      'toLevel',
    ]);
    expect(validateDelegation({ fromLevel: 'town', toLevel: 'village' }, 'licence')[0]!.message).toBe(
      VILLAGE_POWER_MESSAGE,
    );
    expect(validateDelegation({ fromLevel: 'town', toLevel: 'village' }, 'public_service')).toEqual([]);
  });
});

describe('search tokenisation', () => {
  it('segments Chinese names into words and sub-words for the index', () => {
    const t = indexTokens('个体工商户设立登记');
    expect(t).toEqual(expect.arrayContaining(['个体', '工商户', '设立', '登记']));
    expect(indexTokens('办理营业执照，需要什么？')).not.toContain('，');
  });

  it('drops filler words from queries and keeps domain words whole', () => {
    expect(queryTokens('如何办理营业执照')).toEqual(['营业执照']);
    expect(queryTokens('低保')).toEqual(['低保']);
    expect(queryTokens('食品经营许可证')).toEqual(expect.arrayContaining(['食品经营']));
  });

  it('indexes keywords, materials and the result of a guide', () => {
    const { tokens } = guideIndex(guide('个体工商户设立登记'));
    expect(tokens).toContain('营业执照');
    expect(guideIndex(guide('最低生活保障审批')).tokens).toContain('低保');
    // every query token of the item's own name is in its index
    for (const s of DEMO_ITEMS) {
      const idx = new Set(guideIndex(buildGuide(s)).tokens);
      for (const q of queryTokens(s.name)) expect(idx.has(q), `${s.name}: ${q}`).toBe(true);
    }
  });
});
