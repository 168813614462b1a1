import type { Measure, Wave } from './types';

export interface WaveGroup {
  number: number;
  name: string;
  /** Missing when a measure names a wave that /fasen did not return. */
  wave: Wave | undefined;
  measures: Measure[];
}

const byCode = (a: Measure, b: Measure) =>
  a.code.localeCompare(b.code, 'nl', { numeric: true });

/**
 * Groups measures by wave, in wave order, each wave's measures ordered by code.
 * Every wave from /fasen gets a group, even without measures, so a wave never disappears
 * from the overview unnoticed.
 */
export function groupMeasuresByWave(
  waves: readonly Wave[],
  measures: readonly Measure[],
): WaveGroup[] {
  const groups = new Map<number, WaveGroup>();
  for (const wave of waves) {
    groups.set(wave.nummer, { number: wave.nummer, name: wave.naam, wave, measures: [] });
  }
  for (const measure of measures) {
    const { nummer, naam } = measure.fase;
    let group = groups.get(nummer);
    if (!group) {
      group = { number: nummer, name: naam, wave: undefined, measures: [] };
      groups.set(nummer, group);
    }
    group.measures.push(measure);
  }
  return [...groups.values()]
    .sort((a, b) => a.number - b.number)
    .map((group) => ({ ...group, measures: group.measures.sort(byCode) }));
}
