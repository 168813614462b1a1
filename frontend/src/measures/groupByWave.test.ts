import { describe, expect, it } from 'vitest';

import { makeMeasure, makeWave } from '../test/fixtures';
import { groupMeasuresByWave } from './groupByWave';

describe('groupMeasuresByWave', () => {
  const wave1 = makeWave(1);
  const wave2 = makeWave(2);
  const wave3 = makeWave(3);

  it('puts each measure in its wave, waves in order, measures by code', () => {
    const measures = [
      makeMeasure('M15', wave3),
      makeMeasure('M02', wave1),
      makeMeasure('M13', wave2),
      makeMeasure('M10', wave1),
      makeMeasure('M01', wave1),
    ];

    const groups = groupMeasuresByWave([wave3, wave1, wave2], measures);

    expect(groups.map((g) => g.number)).toEqual([1, 2, 3]);
    expect(groups.map((g) => g.measures.map((m) => m.code))).toEqual([
      ['M01', 'M02', 'M10'],
      ['M13'],
      ['M15'],
    ]);
    expect(groups[0]?.wave).toBe(wave1);
  });

  it('sorts codes numerically, so M9 comes before M10', () => {
    const groups = groupMeasuresByWave([wave1], [makeMeasure('M10', wave1), makeMeasure('M9', wave1)]);
    expect(groups[0]?.measures.map((m) => m.code)).toEqual(['M9', 'M10']);
  });

  it('keeps a wave without measures', () => {
    const groups = groupMeasuresByWave([wave1, wave2], [makeMeasure('M01', wave1)]);
    expect(groups.map((g) => [g.number, g.measures.length])).toEqual([
      [1, 1],
      [2, 0],
    ]);
  });

  it('still shows a measure whose wave is missing from the list of waves', () => {
    const unknownWave = { nummer: 4, naam: 'Fase 4' };
    const groups = groupMeasuresByWave([wave1], [makeMeasure('M24', unknownWave)]);
    expect(groups.map((g) => [g.number, g.name, g.wave])).toEqual([
      [1, 'Fase 1', wave1],
      [4, 'Fase 4', undefined],
    ]);
  });

  it('does not reorder the arrays it was given', () => {
    const measures = [makeMeasure('M02', wave1), makeMeasure('M01', wave1)];
    groupMeasuresByWave([wave1], measures);
    expect(measures.map((m) => m.code)).toEqual(['M02', 'M01']);
  });
});
