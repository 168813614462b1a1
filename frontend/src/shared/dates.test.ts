import { afterEach, describe, expect, it } from 'vitest';

import { formatDutchDate, todayIso } from './dates';

describe('formatDutchDate', () => {
  it('writes an ISO calendar date out in Dutch', () => {
    expect(formatDutchDate('2026-01-01')).toBe('1 januari 2026');
    expect(formatDutchDate('2026-07-01')).toBe('1 juli 2026');
    expect(formatDutchDate('2025-12-31')).toBe('31 december 2025');
  });

  describe('west of Greenwich', () => {
    const originalTimeZone = process.env.TZ;
    afterEach(() => {
      process.env.TZ = originalTimeZone;
    });

    it('keeps the calendar day', () => {
      // UTC midnight on 1 January is still 31 December in New York; the date must not shift.
      process.env.TZ = 'America/New_York';
      expect(formatDutchDate('2027-01-01')).toBe('1 januari 2027');
    });
  });

  it('shows a value that is not an ISO date unchanged', () => {
    expect(formatDutchDate('binnenkort')).toBe('binnenkort');
  });
});

describe('todayIso', () => {
  it('gives the calendar day in the browser zone, even late in the evening', () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});
