import { describe, expect, it } from 'vitest';

import type { GroupFigures } from '../dashboard/types';
import type { Comparison } from '../progress/types';
import { compareWave } from './waveComparison';

function figures(code: string, naam: string, share: number, cellen = 10): GroupFigures {
  return {
    groep: { code, naam },
    cellen,
    perFase: {},
    aandeelGeimplementeerd: share,
    risico: 0,
    teLaat: 0,
    tekort: null,
    gemiddeldeAchterstandDagen: null,
  };
}

const herkomst = {
  bron: 'test',
  peilmoment: null,
  peildatum: '2026-11-28',
  licentie: 'CC-BY-4.0',
  licentieUrl: '',
  csv: '/api/v1/gemeenten/GM0344/vergelijking?fase=1&formaat=csv',
};

const comparison = (cijfers: GroupFigures[]): Comparison => ({
  gemeente: { code: 'GM0344', naam: 'Utrecht' },
  inwoners: 370_000,
  vergelijkbaar: [{ code: 'GM0772', naam: 'Eindhoven' }],
  cijfers,
  herkomst,
});

describe('compareWave', () => {
  it("labels the server's figures of one wave, the municipality first, and keeps its provenance", () => {
    const wave = compareWave(
      { nummer: 1, naam: 'Fase 1' },
      comparison([
        figures('GM0344', 'Utrecht', 0.5),
        figures('vergelijkbaar', '10 gemeenten van vergelijkbare omvang', 0.25),
        figures('PV26', 'Utrecht', 0.6),
        figures('AM20', 'Midden-Utrecht', 0.7),
        figures('NL', 'Nederland', 0.9),
      ]),
    );
    expect(wave.wave).toBe(1);
    expect(wave.name).toBe('Fase 1');
    expect(wave.values.map((entry) => [entry.label, entry.value, entry.self])).toEqual([
      ['Utrecht', 0.5, true],
      ['Vergelijkbare gemeenten', 0.25, false],
      ['Provincie Utrecht', 0.6, false],
      ['Arbeidsmarktregio Midden-Utrecht', 0.7, false],
      ['Nederland', 0.9, false],
    ]);
    // Each wave's chart links to its own CSV.
    expect(wave.herkomst.csv).toBe('/api/v1/gemeenten/GM0344/vergelijking?fase=1&formaat=csv');
  });

  it('does not name the kind of group twice when the server names it', () => {
    const wave = compareWave(
      { nummer: 1, naam: 'Fase 1' },
      comparison([figures('PV26', 'Provincie Utrecht', 0.6), figures('AM20', 'Arbeidsmarktregio Midden-Utrecht', 0.7)]),
    );
    expect(wave.values.map((entry) => entry.label)).toEqual(['Provincie Utrecht', 'Arbeidsmarktregio Midden-Utrecht']);
  });

  it('has no value (null) for a group without anything to measure in the wave', () => {
    const wave = compareWave({ nummer: 2, naam: 'Fase 2' }, comparison([figures('GM0344', 'Utrecht', 0, 0)]));
    expect(wave.values).toEqual([{ code: 'GM0344', label: 'Utrecht', value: null, self: true }]);
  });
});
