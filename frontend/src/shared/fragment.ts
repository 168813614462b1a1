/**
 * The search fragment the API sends is HTML: text escaped (`&lt;`, `&amp;`, …) with the hits in
 * `<mark>…</mark>`. It is never put into the page as HTML: it is split into text parts, each
 * marked or not, so no element other than <mark> can ever come out of it, whatever the text holds.
 */

export interface FragmentPart {
  text: string;
  marked: boolean;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

function codePoint(value: number): string | null {
  // Not NUL, not a surrogate, within Unicode.
  if (!Number.isInteger(value) || value <= 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) return null;
  return String.fromCodePoint(value);
}

/** Decodes the character references of escaped HTML text, once (so `&amp;lt;` becomes `&lt;`). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#[0-9]{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,6});/gi, (reference, name: string) => {
    if (name.startsWith('#')) {
      const hex = name[1] === 'x' || name[1] === 'X';
      return codePoint(parseInt(name.slice(hex ? 2 : 1), hex ? 16 : 10)) ?? reference;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? reference;
  });
}

const MARK_TAG = /(<\/?mark>)/i;

/**
 * Splits a fragment into plain-text parts, marked where the server put `<mark>`. Any other markup
 * (which the server escapes anyway) stays literal text; an unclosed mark ends with the fragment.
 */
export function parseFragment(fragment: string): FragmentPart[] {
  const parts: FragmentPart[] = [];
  let marked = false;
  for (const piece of fragment.split(MARK_TAG)) {
    const tag = piece.toLowerCase();
    if (tag === '<mark>') {
      marked = true;
      continue;
    }
    if (tag === '</mark>') {
      marked = false;
      continue;
    }
    if (!piece) continue;
    const text = decodeEntities(piece);
    const previous = parts.at(-1);
    if (previous && previous.marked === marked) previous.text += text;
    else parts.push({ text, marked });
  }
  return parts;
}
