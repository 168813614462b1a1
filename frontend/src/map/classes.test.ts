import { describe, expect, it } from 'vitest';

import { classOf, isIndicator, valueText } from './classes';

describe('map classes', () => {
  it('puts every share in one of five classes, 100% in the last', () => {
    expect([0, 0.19, 0.2, 0.5, 0.79, 0.8, 1].map((value) => classOf('aandeel-geimplementeerd', value))).toEqual([0, 0, 1, 2, 3, 4, 4]);
  });

  it('gives a deficit of exactly zero its own class', () => {
    expect([0, 0.01, 0.0833, 0.1, 0.4167].map((value) => classOf('tekort', value))).toEqual([0, 1, 1, 2, 4]);
  });

  it('classes the late count', () => {
    expect([0, 1, 2, 3, 6, 7, 23].map((value) => classOf('te-laat', value))).toEqual([0, 1, 1, 2, 3, 4, 4]);
  });

  it('classes the average late count of a province or region on a scale of its own', () => {
    expect([0, 0.4, 1, 2.5, 7.2].map((value) => classOf('te-laat', value, 'provincie'))).toEqual([0, 0, 1, 1, 4]);
    expect(valueText('te-laat', 2.5, 'arbeidsmarktregio')).toBe('2,5 te laat per gemeente');
    expect(valueText('aandeel-geimplementeerd', 0.5, 'provincie')).toBe('50%');
  });

  it('has no class for a missing value, and says why', () => {
    expect(classOf('tekort', null)).toBe(-1);
    expect(valueText('tekort', null)).toBe('Nog geen maatregel die geldt');
    expect(valueText('te-laat', 3)).toBe('3 te laat');
    expect(valueText('aandeel-geimplementeerd', 0.3913)).toBe('39%');
  });

  it('knows its indicators', () => {
    expect(isIndicator('tekort')).toBe(true);
    expect(isIndicator('iets')).toBe(false);
    expect(isIndicator(null)).toBe(false);
  });
});
