import { describe, expect, it } from 'vitest';

import { likenessText, mailtoHref } from './format';

describe('likenessText', () => {
  it('names the size and what the peers share, in Dutch', () => {
    expect(likenessText({ inwoners: 34120, overeenkomsten: ['zelfde-arbeidsmarktregio', 'zelfde-leverancier'] })).toBe(
      '34.120 inwoners; zelfde arbeidsmarktregio, zelfde leverancier',
    );
  });

  it('says only the size when they share nothing else', () => {
    expect(likenessText({ inwoners: 900, overeenkomsten: [] })).toBe('900 inwoners');
  });
});

describe('mailtoHref', () => {
  it('encodes the subject so the measure arrives whole', () => {
    expect(mailtoHref('a@b.nl', { code: 'M16', naam: 'Vrijlating & premie' })).toBe(
      'mailto:a@b.nl?subject=Collegiaal%20contact%20over%20M16%20Vrijlating%20%26%20premie',
    );
  });
});
