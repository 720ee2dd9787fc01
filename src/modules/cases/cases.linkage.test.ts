import { describe, expect, it } from 'vitest';
import {
  acceptRefusal,
  atDecidingHop,
  competentRegion,
  onlineCompetentRegion,
  holderAfter,
  levelOfCode,
  linkageActionsAt,
  linkageChain,
  phaseOf,
  preReviewLevels,
  type LinkageGuide,
  type RegionRef,
} from './cases.linkage';
import { holdsCase } from './cases.policy';
import type { Actor } from '../../platform/auth';

const living: LinkageGuide = {
  decideLevel: 'county',
  acceptLevels: ['village', 'town', 'county'],
  acceptAnywhere: true,
};
const city: RegionRef = { code: '211100', level: 'city' };
const villagePath: RegionRef[] = [
  city,
  { code: '211103', level: 'county' },
  { code: '211103001000', level: 'town' },
  { code: '211103001001', level: 'village' },
];
const village = villagePath[3]!;

describe('routing 四级联动 / 同城通办', () => {
  it('routes a village case of a county-decided item to its own county, through the town', () => {
    const r = competentRegion(living, villagePath, city);
    expect(r).toEqual({ region: { code: '211103', level: 'county' } });
    const chain = linkageChain(
      living,
      villagePath,
      { region: village, hallId: 'h-v' },
      { code: '211103', level: 'county' },
    );
    expect(chain.map((h) => `${h.level}:${h.regionCode}`)).toEqual([
      'village:211103001001',
      'town:211103001000',
      'county:211103',
    ]);
    expect(chain[0]!.hallId).toBe('h-v');
  });

  it('pre-review levels come from the guide: default every accepting level in between; configurable, also to none', () => {
    expect(preReviewLevels(living, 'village')).toEqual(['town']);
    expect(preReviewLevels({ ...living, acceptLevels: ['village', 'county'] }, 'village')).toEqual([]);
    expect(preReviewLevels({ ...living, preReviewLevels: [] }, 'village')).toEqual([]);
    expect(preReviewLevels({ ...living, decideLevel: 'city', preReviewLevels: ['county', 'town'] }, 'village')).toEqual(
      ['town', 'county'],
    );
    const direct = linkageChain(
      { ...living, preReviewLevels: [] },
      villagePath,
      { region: village, hallId: null },
      { code: '211103', level: 'county' },
    );
    expect(direct.map((h) => h.level)).toEqual(['village', 'county']);
  });

  it('a city-decided item stays with the item region; a case accepted at the deciding level has one hop', () => {
    expect(competentRegion({ ...living, decideLevel: 'city' }, villagePath, city)).toEqual({ region: city });
    expect(
      linkageChain(
        living,
        villagePath.slice(0, 2),
        { region: { code: '211103', level: 'county' }, hallId: null },
        { code: '211103', level: 'county' },
      ),
    ).toHaveLength(1);
  });

  it('another competent region only for items accepted anywhere, and only at the deciding level', () => {
    const dawa: RegionRef = { code: '211104', level: 'county' };
    expect(competentRegion(living, villagePath, city, dawa)).toEqual({ region: dawa });
    expect('error' in competentRegion({ ...living, acceptAnywhere: false }, villagePath, city, dawa)).toBe(true);
    expect('error' in competentRegion(living, villagePath, city, { code: '211104001000', level: 'town' })).toBe(true);
    // the foreign county decides directly: no pre-review in the accepting hall's own county
    expect(linkageChain(living, villagePath, { region: village, hallId: null }, dawa).map((h) => h.regionCode)).toEqual(
      ['211103001001', '211104'],
    );
  });

  it('names the level a hall may not accept at', () => {
    expect(acceptRefusal({ ...living, acceptLevels: ['city', 'county'] }, 'village')).toContain('本事项不能在村级受理');
    expect(acceptRefusal(living, 'village')).toBeNull();
  });
});

describe('online filings 网上申请: where they are decided', () => {
  const cityItem = { code: '211100', level: 'city' as const };
  const county = { code: '211103', level: 'county' as const };
  it('a county-decided item of the city catalogue goes to the county the applicant names', () => {
    expect(onlineCompetentRegion(living, cityItem, county)).toEqual({ region: county });
    expect(onlineCompetentRegion(living, cityItem)).toEqual({ error: expect.stringContaining('请选择办理地') });
    expect(onlineCompetentRegion(living, cityItem, { code: '211103001000', level: 'town' })).toEqual({
      error: expect.stringContaining('县区级'),
    });
  });
  it('an item decided at its own level needs no choice', () => {
    const cityDecided: LinkageGuide = { decideLevel: 'city', acceptLevels: ['city'], acceptAnywhere: false };
    expect(onlineCompetentRegion(cityDecided, cityItem)).toEqual({ region: cityItem });
    expect(onlineCompetentRegion(cityDecided, cityItem, cityItem)).toEqual({ region: cityItem });
    expect(onlineCompetentRegion(cityDecided, cityItem, county)).toEqual({ error: expect.any(String) });
  });
});

describe('holder rules', () => {
  const chain = linkageChain(
    living,
    villagePath,
    { region: village, hallId: null },
    { code: '211103', level: 'county' },
  );
  const at = (i: number) => chain[i]!;

  it('phases: before acceptance, back office, after the decision, closed', () => {
    expect(phaseOf('submitted', false)).toBe('front');
    expect(phaseOf('accepted', false)).toBe('back');
    expect(phaseOf('site_inspection', false)).toBe('back');
    expect(phaseOf('granted', false)).toBe('exit');
    expect(phaseOf('refused', true)).toBe('closed');
    expect(phaseOf('withdrawn', true)).toBe('closed');
  });

  it('report-up below the deciding level, send-down above the accepting hall, only while accepted', () => {
    expect(linkageActionsAt(chain, at(0).regionCode, 'accepted', false)).toEqual(['report-up']);
    expect(linkageActionsAt(chain, at(1).regionCode, 'accepted', false)).toEqual(['report-up', 'send-down']);
    expect(linkageActionsAt(chain, at(2).regionCode, 'accepted', false)).toEqual(['send-down']);
    expect(linkageActionsAt(chain, at(2).regionCode, 'reviewed', false)).toEqual([]);
    expect(linkageActionsAt(chain, at(0).regionCode, 'submitted', false)).toEqual([]);
    expect(linkageActionsAt(chain, at(0).regionCode, 'suspended', false)).toEqual([]);
    expect(atDecidingHop(chain, at(2).regionCode)).toBe(true);
    expect(atDecidingHop(chain, at(1).regionCode)).toBe(false);
    expect(atDecidingHop([], 'x')).toBe(true);
  });

  it('the accepting hall holds the case at acceptance and again after the decision', () => {
    expect(holderAfter(chain, at(0), 'accept', 'accepted', false)).toEqual(at(0));
    expect(holderAfter(chain, at(2), 'review-pass', 'reviewed', false)).toEqual(at(2));
    expect(holderAfter(chain, at(2), 'grant', 'granted', false)).toEqual(at(0));
    expect(holderAfter(chain, at(2), 'deny', 'denied', true)).toEqual(at(0));
  });

  it('staff act only at the level that holds the case; above it they follow', () => {
    const staff = (regionCode: string, regionPrefix: string) =>
      ({ scope: { regionCode, regionPrefix } }) as unknown as Actor;
    const held = { regionCode: '211103', currentRegionCode: '211103001001', currentLevel: 'village' as const };
    expect(holdsCase(staff('211103001001', '211103001001'), held)).toBe(true);
    expect(holdsCase(staff('211103', '211103'), held)).toBe(false);
    expect(holdsCase(staff('211103', '211103'), { ...held, currentRegionCode: '211103', currentLevel: 'county' })).toBe(
      true,
    );
    expect(holdsCase(staff('211104', '211104'), { ...held, currentRegionCode: '211103', currentLevel: 'county' })).toBe(
      false,
    );
    expect(levelOfCode('2111Z1')).toBeNull();
  });
});
