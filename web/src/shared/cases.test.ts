import { describe, expect, it } from 'vitest';
import { needsCompetentRegion } from './cases';

describe('needsCompetentRegion 办理地', () => {
  it('asks an online applicant where a county-decided item of the city catalogue is decided', () => {
    expect(needsCompetentRegion({ regionCode: '211100', decideLevel: 'county' })).toBe(true);
    expect(needsCompetentRegion({ regionCode: '211100', decideLevel: 'town' })).toBe(true);
    expect(needsCompetentRegion({ regionCode: '211103', decideLevel: 'town' })).toBe(true);
  });

  it('does not ask when the item is decided at its catalogue level or above', () => {
    expect(needsCompetentRegion({ regionCode: '211100', decideLevel: 'city' })).toBe(false);
    expect(needsCompetentRegion({ regionCode: '211103', decideLevel: 'county' })).toBe(false);
    expect(needsCompetentRegion({ regionCode: '211103001000', decideLevel: 'county' })).toBe(false);
    expect(needsCompetentRegion({ regionCode: '211103001000', decideLevel: 'village' })).toBe(true);
    // An economic zone's catalogue sits at county level.
    expect(needsCompetentRegion({ regionCode: '2111Z1', decideLevel: 'county' })).toBe(false);
  });
});
