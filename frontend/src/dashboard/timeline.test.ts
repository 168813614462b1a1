import { describe, expect, it } from 'vitest';

import { dayNumber, dueText, timeScale, untilText } from './timeline';

describe('the time line', () => {
  it('counts days between calendar dates without zone shifts', () => {
    expect(dayNumber('2027-01-01') - dayNumber('2026-11-28')).toBe(34);
    expect(dayNumber('2026-03-30') - dayNumber('2026-03-29')).toBe(1);
  });

  it('says how far an effective date or a due date is', () => {
    expect(untilText(34)).toBe('over 34 dagen');
    expect(untilText(1)).toBe('over 1 dag');
    expect(untilText(0)).toBe('gaat vandaag in');
    expect(untilText(-331)).toBe('geldt sinds 331 dagen');
    expect(dueText(2)).toBe('nog 2 dagen');
    expect(dueText(-1)).toBe('verstreken, 1 dag geleden');
    expect(dueText(0)).toBe('vandaag');
  });

  it('places every date inside the line, in order, with room at both ends', () => {
    const scale = timeScale(['2026-01-01', '2027-01-01', '2026-11-28']);
    const [a, b, today] = [scale.position('2026-01-01'), scale.position('2027-01-01'), scale.position('2026-11-28')];
    expect(a).toBeGreaterThan(5);
    expect(b).toBeLessThan(95);
    expect(a).toBeLessThan(today);
    expect(today).toBeLessThan(b);
    expect(scale.years.map((tick) => tick.year)).toEqual([2026, 2027]);
    expect(scale.years[0]?.position).toBeCloseTo(a);
  });

  it('copes with a single date', () => {
    const scale = timeScale(['2026-01-01']);
    expect(scale.position('2026-01-01')).toBeCloseTo(50);
  });
});
