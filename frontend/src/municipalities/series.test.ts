import { describe, expect, it } from 'vitest';

import { seriesSummary } from './series';

const point = (peildatum: string, geimplementeerd: number) => ({
  peildatum,
  cellen: 23,
  geimplementeerd,
  aandeelGeimplementeerd: Math.round((geimplementeerd / 23) * 10000) / 10000,
  tekort: null,
});

describe('a municipality series', () => {
  it('summarises where it started and where it is now', () => {
    expect(seriesSummary('Utrecht', [point('2025-12-31', 2), point('2026-12-07', 8)])).toBe(
      'Utrecht had op 31 december 2025 9% van de maatregelen geïmplementeerd of geëvalueerd, nu 35% (+26,1 procentpunt).',
    );
    expect(seriesSummary('Utrecht', [point('2026-12-07', 8)])).toContain('(gelijk)');
    expect(seriesSummary('Utrecht', [])).toBe('Er is nog geen verloop van Utrecht.');
  });
});
