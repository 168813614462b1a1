import { describe, expect, it } from 'vitest';

import { inArea, mapFiltersFrom, mapSearch } from './filters';

describe('map filters', () => {
  it('reads the filters from the address', () => {
    expect(mapFiltersFrom(new URLSearchParams('indicator=tekort&fase=3&maatregel=M05&gebied=PV26'))).toEqual({
      indicator: 'tekort',
      niveau: 'gemeente',
      fase: 3,
      maatregel: 'M05',
      gebied: 'PV26',
    });
  });

  it('falls back to the share implemented, and drops what it cannot read', () => {
    expect(mapFiltersFrom(new URLSearchParams('indicator=x&fase=nul&maatregel=5&gebied=GM0344&niveau=wijk'))).toEqual({
      indicator: 'aandeel-geimplementeerd',
      niveau: 'gemeente',
    });
    expect(mapFiltersFrom(new URLSearchParams('niveau=provincie')).niveau).toBe('provincie');
  });

  it('writes only what differs from the default', () => {
    expect(mapSearch({ indicator: 'aandeel-geimplementeerd', fase: '', maatregel: 'M01', gebied: '' })).toBe('maatregel=M01');
    expect(mapSearch({ indicator: 'te-laat', fase: '2', maatregel: '', gebied: 'AM13' })).toBe('indicator=te-laat&fase=2&gebied=AM13');
    expect(mapSearch({ indicator: 'tekort', niveau: 'gemeente' })).toBe('indicator=tekort');
    expect(mapSearch({ indicator: 'tekort', niveau: 'arbeidsmarktregio' })).toBe('indicator=tekort&niveau=arbeidsmarktregio');
  });

  it("zooms to a province or region by the feature's own codes", () => {
    const utrecht = { code: 'GM0344', name: 'Utrecht', waarde: 0.5, provincie: 'PV26', arbeidsmarktregio: 'AM20' };
    expect(inArea(utrecht, undefined)).toBe(true);
    expect(inArea(utrecht, 'PV26')).toBe(true);
    expect(inArea(utrecht, 'AM20')).toBe(true);
    expect(inArea(utrecht, 'PV27')).toBe(false);
    expect(inArea({ ...utrecht, provincie: null, arbeidsmarktregio: null }, 'PV26')).toBe(false);
  });
});
