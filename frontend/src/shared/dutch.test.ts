import { describe, expect, it } from 'vitest';

import { changeText, partOf, plural } from './dutch';

describe('Dutch counts', () => {
  it('puts the noun in the plural except for exactly one', () => {
    expect(plural(1, 'rij', 'rijen')).toBe('1 rij');
    expect(plural(0, 'rij', 'rijen')).toBe('0 rijen');
    expect(plural(1024, 'rij', 'rijen')).toBe('1.024 rijen');
  });

  it('lets the verb agree with the part and the noun with the whole', () => {
    expect(partOf(1, 22, 'rij', 'rijen', 'is', 'zijn')).toBe('1 van 22 rijen is');
    expect(partOf(3, 22, 'rij', 'rijen', 'is', 'zijn')).toBe('3 van 22 rijen zijn');
    expect(partOf(1, 1, 'rij', 'rijen', 'is', 'zijn')).toBe('1 van 1 rij is');
  });

  it('writes a change with its sign', () => {
    expect(changeText(4, 'procentpunt')).toBe('+4 procentpunt');
    expect(changeText(-1.5, 'procentpunt')).toBe('−1,5 procentpunt');
    expect(changeText(12)).toBe('+12');
    expect(changeText(0, 'procentpunt')).toBe('gelijk');
    expect(changeText(null)).toBe('–');
  });
});
