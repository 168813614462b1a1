/** The Participatiewet in the Basiswettenbestand (wetten.overheid.nl). */
const PARTICIPATIEWET = 'BWBR0015703';

const PW_ARTICLE = /^Pw\s+(\d+[a-z]*)/;

/**
 * A link to the article on wetten.overheid.nl for a reference like "Pw 31(2)(m)": a Juriconnect
 * (jci) link to article 31, so it stays right when the article moves within the act. Null for a
 * reference that is not to an article of the Participatiewet.
 */
export function articleUrl(reference: string): string | null {
  const match = PW_ARTICLE.exec(reference.trim());
  if (!match) return null;
  return `https://wetten.overheid.nl/jci1.3:c:${PARTICIPATIEWET}&artikel=${match[1]}`;
}

/** "Pw 31(2)(m)" → "Participatiewet artikel 31, lid 2, onder m", for the link text. */
export function articleText(reference: string): string {
  const match = /^Pw\s+(\d+[a-z]*)((?:\(\w+\))*)(.*)$/.exec(reference.trim());
  if (!match) return reference;
  const [, article, parts = '', rest = ''] = match;
  const [member, point] = [...parts.matchAll(/\((\w+)\)/g)].map((part) => part[1]);
  let text = `Participatiewet artikel ${article}`;
  if (member) text += /^\d+$/.test(member) ? `, lid ${member}` : `, onder ${member}`;
  if (point) text += `, onder ${point}`;
  // "(3)-(4)": a range of members.
  return `${text}${rest.replace(/^-\((\w+)\)/, '–$1')}`;
}

const CONFIDENCE_LABELS: Record<string, string> = {
  wet: 'Vast: gelezen in de wettekst',
  secundair: 'Uit secundaire bronnen (ministerie, VNG, Divosa, pers)',
  afgeleid: 'Afgeleid: nog niet in de wettekst bevestigd',
};

export function confidenceLabel(confidence: string): string {
  return CONFIDENCE_LABELS[confidence] ?? confidence;
}
