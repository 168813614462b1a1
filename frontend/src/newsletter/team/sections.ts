// The editor's sections as plain data: every change makes a new list, so the form can compare
// with what was saved and the rules are tested without a screen.
import type { Item, Section, SectionIn } from './types';

/** A section in the form: a key of its own, so React keeps focus and state while it moves. */
export interface DraftSection extends Section {
  key: string;
}

let counter = 0;
function nextKey(): string {
  counter += 1;
  return `sectie-${counter}`;
}

export function draftsOf(sections: readonly Section[]): DraftSection[] {
  return sections.map((section) => ({ ...section, key: nextKey() }));
}

/** Swaps a section with its neighbour above (-1) or below (+1); at the edge nothing changes. */
export function moveSection(sections: readonly DraftSection[], index: number, direction: -1 | 1): DraftSection[] {
  const target = index + direction;
  if (index < 0 || index >= sections.length || target < 0 || target >= sections.length) return [...sections];
  const next = [...sections];
  [next[index], next[target]] = [next[target] as DraftSection, next[index] as DraftSection];
  return next;
}

export function removeSection(sections: readonly DraftSection[], index: number): DraftSection[] {
  return sections.filter((_, at) => at !== index);
}

export function removeItem(sections: readonly DraftSection[], index: number, itemIndex: number): DraftSection[] {
  return sections.map((section, at) =>
    at === index ? { ...section, items: (section.items ?? []).filter((_, i) => i !== itemIndex) } : section,
  );
}

/** The editor's own section, at the end: no items, about everything unless she names measures. */
export function addOwnSection(
  sections: readonly DraftSection[],
  own: { titel: string; tekst: string; maatregelen: string[] },
): DraftSection[] {
  return [
    ...sections,
    { key: nextKey(), soort: 'eigen', titel: own.titel, tekst: own.tekst, items: [], maatregelen: own.maatregelen, themas: [], golven: [] },
  ];
}

export function updateSection(
  sections: readonly DraftSection[],
  index: number,
  change: Partial<Pick<Section, 'titel' | 'tekst'>>,
): DraftSection[] {
  return sections.map((section, at) => (at === index ? { ...section, ...change } : section));
}

/** "M01, m2 M03" → ["M01", "M03"] and the parts that are no code, to report. */
export function parseMeasureCodes(text: string): { codes: string[]; invalid: string[] } {
  const parts = text
    .split(/[\s,;]+/)
    .map((part) => part.trim().toUpperCase())
    .filter(Boolean);
  const codes = [...new Set(parts.filter((part) => /^M\d{2}$/.test(part)))];
  return { codes, invalid: parts.filter((part) => !/^M\d{2}$/.test(part)) };
}

function itemIn(item: Item) {
  return {
    titel: item.titel,
    tekst: item.tekst ?? '',
    link: item.link ?? null,
    maatregelen: item.maatregelen ?? [],
    themas: item.themas ?? [],
    golven: item.golven ?? [],
  };
}

/** The sections as PATCH replaces them, in this order. */
export function sectionsIn(sections: readonly DraftSection[]): SectionIn[] {
  return sections.map((section) => ({
    soort: section.soort as SectionIn['soort'],
    titel: section.titel,
    tekst: section.tekst ?? '',
    items: (section.items ?? []).map(itemIn),
    maatregelen: section.maatregelen ?? [],
    themas: section.themas ?? [],
    golven: section.golven ?? [],
  }));
}
