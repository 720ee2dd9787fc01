import { describe, expect, it } from 'vitest';
import { needsCompetentRegion, owedTolerable } from './cases';

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

describe('owedTolerable 容缺 at acceptance', () => {
  const item = {
    materials: [
      { id: 'm1', required: true, source: 'applicant', toleranceAllowed: false },
      { id: 'm2', required: true, source: 'elicence', toleranceAllowed: false },
      { id: 'm4', required: true, source: 'applicant', toleranceAllowed: true },
      { id: 'm5', required: true, source: 'applicant', toleranceAllowed: true },
      { id: 'm6', required: false, source: 'applicant', toleranceAllowed: true },
    ],
  };
  const material = (materialId: string, status: 'received' | 'missing' | 'shared' | 'rejected') => ({
    materialId,
    name: materialId,
    required: true,
    status,
    statusLabel: status,
    paper: false,
    note: null,
    files: [],
  });

  it('lists the required tolerable materials neither in hand nor promised', () => {
    const c = {
      materials: [
        material('m1', 'received'),
        material('m2', 'shared'),
        material('m4', 'missing'),
        material('m5', 'missing'),
      ],
      promises: [],
    };
    expect(owedTolerable(c, item)).toEqual(['m4', 'm5']);
    expect(owedTolerable({ ...c, materials: [...c.materials.slice(0, 3), material('m5', 'received')] }, item)).toEqual([
      'm4',
    ]);
  });
});
