import { describe, expect, it } from 'vitest';

import { chanceWords, percentText } from './forecast';

describe('percentText', () => {
  it('rounds to a whole percentage with a space before the sign', () => {
    expect(percentText(0.35)).toBe('35 %');
    expect(percentText(0.3449)).toBe('34 %');
    expect(percentText(0)).toBe('0 %');
    expect(percentText(1)).toBe('100 %');
  });

  it('never rounds a small or large chance to a certainty', () => {
    expect(percentText(0.001)).toBe('minder dan 1 %');
    expect(percentText(0.9972)).toBe('meer dan 99 %');
  });
});

describe('chanceWords', () => {
  it('grows with the chance', () => {
    const words = [0, 0.05, 0.2, 0.45, 0.75, 0.95, 1].map(chanceWords);
    expect(words).toEqual([
      'geen: de maatregel is al geïmplementeerd',
      'zeer klein',
      'klein',
      'aanzienlijk',
      'groot',
      'zeer groot',
      'zeker: de ingangsdatum is voorbij',
    ]);
  });
});
