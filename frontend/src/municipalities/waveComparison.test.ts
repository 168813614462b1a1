import { describe, expect, it } from 'vitest';

import type { GroupFigures, Overview } from '../dashboard/types';
import type { MapValues } from '../map/types';
import { compareWaves } from './waveComparison';

function figures(code: string, share: number): GroupFigures {
  return {
    groep: { code, naam: code },
    cellen: 10,
    perFase: {},
    aandeelGeimplementeerd: share,
    risico: 0,
    teLaat: 0,
    tekort: null,
    gemiddeldeAchterstandDagen: null,
  };
}

const herkomst = { bron: 'test', peilmoment: null, peildatum: '2026-11-28', licentie: 'CC-BY-4.0', licentieUrl: '', csv: '' };
const overview = (groups: GroupFigures[]): Overview => ({ peildatum: '2026-11-28', groepering: 'x', groepen: groups, herkomst });
const values = (entries: [string, number | null][]): MapValues => ({
  indicator: 'aandeel-geimplementeerd',
  peildatum: '2026-11-28',
  waarden: entries.map(([code, waarde]) => ({ code, naam: code, waarde })),
  herkomst,
});

const utrecht = {
  code: 'GM0344',
  name: 'Utrecht',
  province: { code: 'PV26', naam: 'Utrecht' },
  region: { code: 'AM20', naam: 'Midden-Utrecht' },
  peers: ['GM0014', 'GM0772', 'GM0999'],
};

describe('compareWaves', () => {
  it('puts the municipality next to its peers, province, region and country, per wave', () => {
    const [wave] = compareWaves(
      utrecht,
      [
        {
          wave: { nummer: 1, naam: 'Fase 1' },
          municipalities: values([
            ['GM0344', 0.5],
            ['GM0014', 0.25],
            ['GM0772', 0.75],
            ['GM0999', null],
          ]),
          provinces: overview([figures('PV25', 0.1), figures('PV26', 0.6)]),
          regions: overview([figures('AM20', 0.7)]),
        },
      ],
      overview([figures('1', 0.9), figures('2', 0.2)]),
    );
    expect(wave?.values.map((entry) => [entry.label, entry.value, entry.self])).toEqual([
      ['Utrecht', 0.5, true],
      // The peer without a value does not count.
      ['Vergelijkbare gemeenten', 0.5, false],
      ['Provincie Utrecht', 0.6, false],
      ['Arbeidsmarktregio Midden-Utrecht', 0.7, false],
      ['Nederland', 0.9, false],
    ]);
  });

  it('leaves a value out (null) while its figures are loading', () => {
    const [wave] = compareWaves(
      utrecht,
      [{ wave: { nummer: 2, naam: 'Fase 2' }, municipalities: undefined, provinces: undefined, regions: undefined }],
      undefined,
    );
    expect(wave?.values.every((entry) => entry.value === null)).toBe(true);
  });
});
