import { describe, expect, it } from 'vitest';

import { percentText } from '../progress/labels';
import {
  changeHeading,
  changedMeasures,
  figureChangeText,
  shareChangeCell,
  shareChangeText,
  targetText, type FiguresWithChange, type WaveWithTarget } from './change';

const previous = { peildatum: '2026-11-30', sinds: '2026-12-01', aandeelGeimplementeerd: 0.2, tekort: 0.5, teLaat: 3, risico: 4 };

function figures(code: string, points: number): FiguresWithChange {
  return {
    groep: { code, naam: code },
    cellen: 342,
    perFase: {},
    aandeelGeimplementeerd: 0.24,
    risico: 0,
    teLaat: 0,
    tekort: null,
    gemiddeldeAchterstandDagen: null,
    vorigePeriode: previous,
    verandering: { aandeelGeimplementeerd: points, tekort: null, teLaat: 0, risico: 0 },
  };
}

const wave = {
  nummer: 1,
  naam: 'Fase 1',
  ingangsdatum: '2026-01-01',
  dagenTotIngang: -340,
  productenGereedOp: '2025-10-01',
  gepubliceerdeProducten: 3,
} as WaveWithTarget;

describe('the change since last month', () => {
  it('is written with its sign and the first of the month', () => {
    expect(shareChangeText(figures('M01', 4))).toBe('+4 procentpunt sinds 1 december');
    expect(shareChangeText(figures('M01', -0.5))).toBe('−0,5 procentpunt sinds 1 december');
  });

  it('is left out for figures without a previous period (an overview group may lack one)', () => {
    const plain = { vorigePeriode: null, verandering: null };
    expect(figureChangeText(figures('M01', 0.9), (change) => change.aandeelGeimplementeerd, 'procentpunt')).toBe(
      '+0,9 procentpunt sinds 1 december',
    );
    expect(figureChangeText(figures('M01', 1), (change) => change.teLaat)).toBe('gelijk sinds 1 december');
    expect(figureChangeText(plain, (change) => change.teLaat)).toBeNull();
    expect(changeHeading([plain, figures('M01', 1)])).toBe('Verandering sinds 1 december');
    expect(changeHeading([plain])).toBe('Verandering');
    expect(shareChangeCell(figures('M01', -2))).toBe('−2 procentpunt');
    expect(shareChangeCell(plain)).toBe('–');
  });

  it('lists the measures that changed, most changed first', () => {
    const list = changedMeasures([figures('M01', 1), figures('M02', 0), figures('M03', -3)]);
    expect(list.map((group) => group.groep.code)).toEqual(['M03', 'M01']);
  });
});

describe('a wave target', () => {
  it('says whether the share on the legal date made it', () => {
    expect(targetText({ ...wave, doel: 0.9, aandeelOpIngangsdatum: 0.85, doelGehaald: false, aandeelGeimplementeerd: 0.95 }, percentText)).toBe(
      'Fase 1. Doel: 90% geïmplementeerd op 1 januari 2026: niet gehaald (85% op die dag); nu 95%.',
    );
    expect(targetText({ ...wave, doel: 0.9, aandeelOpIngangsdatum: null, aandeelGeimplementeerd: 0.4 }, percentText)).toBe(
      'Fase 1. Doel: 90% geïmplementeerd op 1 januari 2026; nu 40%.',
    );
    expect(targetText({ ...wave, doel: null }, percentText)).toBe('Fase 1: geen doel vastgesteld.');
  });
});
