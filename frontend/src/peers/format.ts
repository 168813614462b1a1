import type { Likeness, Peer } from './types';

const LIKENESS_WORDS: Partial<Record<string, string>> & Record<Likeness, string> = {
  'zelfde-arbeidsmarktregio': 'zelfde arbeidsmarktregio',
  'zelfde-provincie': 'zelfde provincie',
  'zelfde-leverancier': 'zelfde leverancier',
};

const inhabitants = new Intl.NumberFormat('nl-NL');

/** "34.000 inwoners; zelfde arbeidsmarktregio, zelfde provincie": why a peer is alike. */
export function likenessText(peer: Pick<Peer, 'inwoners' | 'overeenkomsten'>): string {
  const size = `${inhabitants.format(peer.inwoners)} inwoners`;
  const shared = peer.overeenkomsten.map((word) => LIKENESS_WORDS[word]).filter(Boolean);
  return shared.length ? `${size}; ${shared.join(', ')}` : size;
}

/** A mailto link's address, with the subject a peer sees first. */
export function mailtoHref(email: string, measure: { code: string; naam: string }): string {
  const subject = `Collegiaal contact over ${measure.code} ${measure.naam}`;
  return `mailto:${email}?subject=${encodeURIComponent(subject)}`;
}
