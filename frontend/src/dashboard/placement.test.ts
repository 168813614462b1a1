import { describe, expect, it } from 'vitest';

import { anchorWithin, extent, labelWidth, placeToday, yearAnchor, type TimelineLabel } from './timeline';
import { labelStep } from './TrendChart';

const label = (x: number, text: string): TimelineLabel => ({ x, width: labelWidth(text, 14) });

describe('placing the "Vandaag" label on the time line', () => {
  it('keeps it centred below the line when nothing is in the way', () => {
    const placement = placeToday(label(150, 'Vandaag'), [label(100, 'Fase 1'), label(220, 'Fase 2 en 3')], [label(40, '2026')], 300);
    expect(placement).toEqual({ row: 'below', anchor: 'middle' });
  });

  it('moves it aside, never over a year or wave label, on a narrow line', () => {
    // 360 px screen: today some weeks before 1 January, which has both a year and a wave mark.
    const lineWidth = 280;
    const today = label(170, 'Vandaag');
    const waves = [label(70, 'Fase 1'), label(215, 'Fase 2 en 3')];
    const years = [label(70, '2026'), label(215, '2027')];
    const placement = placeToday(today, waves, years, lineWidth);
    expect(placement.row).not.toBe('under');
    const taken = (placement.row === 'below' ? years : waves).map((other) => extent(other, anchorWithin(other, lineWidth)));
    const [start, end] = extent(today, placement.anchor);
    for (const [otherStart, otherEnd] of taken) expect(start >= otherEnd || end <= otherStart).toBe(true);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeLessThanOrEqual(lineWidth);
  });

  it('gives it a row of its own when every label is in the way, and keeps it on the line', () => {
    const today = label(150, 'Vandaag');
    const placement = placeToday(today, [label(150, 'Fase 2 en 3')], [label(150, '2027')], 300);
    expect(placement.row).toBe('under');
    const crowded = placeToday(label(5, 'Vandaag'), [label(5, 'Fase 1')], [label(5, '2026')], 300);
    expect(crowded).toEqual({ row: 'under', anchor: 'start' });
  });

  it("moves a year aside when the tick of a 'Vandaag' under the years would cross it", () => {
    expect(yearAnchor(label(233, '2027'), 220, 280)).toBe('start');
    expect(yearAnchor(label(200, '2027'), 210, 280)).toBe('end');
    expect(yearAnchor(label(70, '2026'), 220, 280)).toBe('middle');
    const [start] = extent(label(233, '2027'), 'start');
    expect(start).toBeGreaterThan(220);
  });

  it('anchors a label at the end of the line so it does not run off', () => {
    expect(anchorWithin(label(150, 'Fase 1'), 300)).toBe('middle');
    expect(anchorWithin(label(2, 'Fase 1'), 300)).toBe('start');
    expect(anchorWithin(label(298, 'Fase 2 en 3'), 300)).toBe('end');
  });
});

describe('the trend chart at its width', () => {
  it('labels as many months as fit, so 13 px labels never run into each other', () => {
    // Thirteen points (twelve month ends and today) on a 640 px and a 296 px (360 px screen) chart.
    expect(labelStep(13, 576)).toBe(2);
    expect(labelStep(13, 232)).toBe(5);
    const step = labelStep(13, 232);
    const labelled = Array.from({ length: 13 }, (_, index) => index).filter((index) => (12 - index) % step === 0);
    const gap = (232 / 12) * step;
    expect(gap).toBeGreaterThanOrEqual(78);
    expect(labelled).toContain(12);
  });
});
