import { describe, expect, it } from 'vitest';

import { fromIso, toOffsetIso } from './localTime';

describe('toOffsetIso', () => {
  it('sends a winter date with +01:00', () => {
    expect(toOffsetIso('2027-01-14', '14:00')).toBe('2027-01-14T14:00:00+01:00');
  });

  it('sends a summer date with +02:00', () => {
    expect(toOffsetIso('2027-06-10', '09:30')).toBe('2027-06-10T09:30:00+02:00');
  });

  it('takes the offset of the day itself around the change to summer time', () => {
    // Summer time starts on 28 March 2027 at 02:00.
    expect(toOffsetIso('2027-03-27', '10:00')).toBe('2027-03-27T10:00:00+01:00');
    expect(toOffsetIso('2027-03-28', '10:00')).toBe('2027-03-28T10:00:00+02:00');
    // ...and ends on 31 October 2027.
    expect(toOffsetIso('2027-10-30', '10:00')).toBe('2027-10-30T10:00:00+02:00');
    expect(toOffsetIso('2027-10-31', '10:00')).toBe('2027-10-31T10:00:00+01:00');
  });

  it('refuses what is not a date and a time', () => {
    expect(toOffsetIso('', '10:00')).toBeNull();
    expect(toOffsetIso('2027-02-30', '10:00')).toBeNull();
    expect(toOffsetIso('2027-02-03', '25:00')).toBeNull();
    expect(toOffsetIso('3-2-2027', '10:00')).toBeNull();
  });
});

describe('fromIso', () => {
  it('shows a UTC instant in Dutch winter time', () => {
    expect(fromIso('2027-01-14T13:00:00Z')).toEqual({ date: '2027-01-14', time: '14:00' });
  });

  it('shows a UTC instant in Dutch summer time, on the Dutch day', () => {
    expect(fromIso('2027-06-10T22:30:00Z')).toEqual({ date: '2027-06-11', time: '00:30' });
  });

  it('round-trips with toOffsetIso in both seasons', () => {
    for (const [date, time] of [
      ['2027-01-14', '14:00'],
      ['2027-07-01', '19:45'],
    ] as const) {
      expect(fromIso(toOffsetIso(date, time))).toEqual({ date, time });
    }
  });

  it('gives empty inputs for nothing', () => {
    expect(fromIso(null)).toEqual({ date: '', time: '' });
  });
});
