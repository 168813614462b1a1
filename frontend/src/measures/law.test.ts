import { describe, expect, it } from 'vitest';

import { articleText, articleUrl, confidenceLabel } from './law';

describe('legal references', () => {
  it('links an article of the Participatiewet with a Juriconnect link', () => {
    expect(articleUrl('Pw 31(2)(m)')).toBe('https://wetten.overheid.nl/jci1.3:c:BWBR0015703&artikel=31');
    expect(articleUrl('Pw 22a(4)')).toBe('https://wetten.overheid.nl/jci1.3:c:BWBR0015703&artikel=22a');
    expect(articleUrl('Pw 43a')).toBe('https://wetten.overheid.nl/jci1.3:c:BWBR0015703&artikel=43a');
  });

  it('does not link what it cannot read', () => {
    expect(articleUrl('Besluit 3')).toBeNull();
    expect(articleText('Besluit 3')).toBe('Besluit 3');
  });

  it('writes a reference out in words', () => {
    expect(articleText('Pw 31(2)(m)')).toBe('Participatiewet artikel 31, lid 2, onder m');
    expect(articleText('Pw 1(i)-(j)')).toBe('Participatiewet artikel 1, onder i–j');
    expect(articleText('Pw 12 (vervallen)')).toBe('Participatiewet artikel 12 (vervallen)');
    expect(articleText('Pw 20(3)-(4)')).toBe('Participatiewet artikel 20, lid 3–4');
    expect(articleText('Pw 34')).toBe('Participatiewet artikel 34');
  });

  it('explains the confidence', () => {
    expect(confidenceLabel('wet')).toBe('Vast: gelezen in de wettekst');
    expect(confidenceLabel('nieuw')).toBe('nieuw');
  });
});
