import type { FaqEntry } from './api';

export interface MeasureGroup {
  code: string;
  name: string;
  entries: FaqEntry[];
}

/**
 * Groups entries under their first measure (lowest code), in measure order, keeping the order
 * the API gave within a group (by relevance when searching). An entry shows once, so a screen
 * reader does not meet it twice; its other measures are listed with it.
 */
export function groupByMeasure(entries: readonly FaqEntry[]): MeasureGroup[] {
  const groups = new Map<string, MeasureGroup>();
  for (const entry of entries) {
    const first = [...entry.maatregelen].sort((a, b) => a.code.localeCompare(b.code, 'nl', { numeric: true }))[0];
    const code = first?.code ?? '';
    let group = groups.get(code);
    if (!group) {
      group = { code, name: first ? `${first.code} ${first.naam}` : 'Algemeen', entries: [] };
      groups.set(code, group);
    }
    group.entries.push(entry);
  }
  return [...groups.values()].sort((a, b) =>
    a.code === '' ? 1 : b.code === '' ? -1 : a.code.localeCompare(b.code, 'nl', { numeric: true }),
  );
}
