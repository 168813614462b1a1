import { describe, expect, it } from 'vitest';

import { parseTarget, targetLabel, targetProblem } from './waveTarget';

describe('a wave target as typed', () => {
  it('takes a whole percentage from 0 to 100, with or without %, and empty as no target', () => {
    expect(parseTarget('90')).toBe(90);
    expect(parseTarget(' 75 % ')).toBe(75);
    expect(parseTarget('0')).toBe(0);
    expect(parseTarget('100')).toBe(100);
    expect(parseTarget('')).toBeNull();
    expect(parseTarget('   ')).toBeNull();
    for (const wrong of ['101', '-1', '90,5', '90.5', 'negentig', '1e2']) expect(parseTarget(wrong), wrong).toBeUndefined();
  });

  it('refuses what is no target and what would change nothing', () => {
    expect(targetProblem('80', 90)).toBeNull();
    expect(targetProblem('', 90)).toBeNull();
    expect(targetProblem('90', null)).toBeNull();
    expect(targetProblem('90,5', 90)).toMatch(/^Vul een heel getal van 0 tot en met 100 in/);
    expect(targetProblem('90', 90)).toBe('Dit is het huidige doel. Vul een ander percentage in.');
    expect(targetProblem('', null)).toBe('Deze fase heeft al geen doel. Vul een percentage in.');
  });

  it('writes a target as the dashboard does', () => {
    expect(targetLabel(90)).toBe('90%');
    expect(targetLabel(null)).toBe('geen doel');
  });
});
