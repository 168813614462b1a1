/** The change since the previous period and the waves' targets on the dashboard. */
import { changeText } from '../shared/dutch';
import { formatDutchDate } from '../shared/dates';
import type { FiguresWithChange, PreviousFigures, WaveMoment } from './types';

export type { FigureChange, FiguresWithChange, PreviousFigures } from './types';
/** A wave with its target (`doel`, 0-1) and how far it got; the target fields are empty without one. */
export type WaveWithTarget = WaveMoment;

/** "sinds 1 december" */
export function sinceText(previous: PreviousFigures): string {
  const [day, month] = formatDutchDate(previous.sinds).split(' ');
  return `sinds ${day} ${month}`;
}

/** "+4 procentpunt sinds 1 december" */
export function shareChangeText(figures: FiguresWithChange): string {
  return `${changeText(figures.verandering.aandeelGeimplementeerd, 'procentpunt')} ${sinceText(figures.vorigePeriode)}`;
}

/** The measures whose share implemented changed since the previous period, most changed first. */
export function changedMeasures(groups: FiguresWithChange[]): FiguresWithChange[] {
  return groups
    .filter((group) => group.verandering.aandeelGeimplementeerd !== 0)
    .sort(
      (a, b) =>
        Math.abs(b.verandering.aandeelGeimplementeerd) - Math.abs(a.verandering.aandeelGeimplementeerd) ||
        a.groep.code.localeCompare(b.groep.code),
    );
}

/** One sentence per wave on its target, for the text beside the bars. */
export function targetText(wave: WaveWithTarget, percent: (share: number | null) => string): string {
  if (wave.doel === null || wave.doel === undefined) return `${wave.naam}: geen doel vastgesteld.`;
  const goal = `Doel: ${percent(wave.doel)} geïmplementeerd op ${formatDutchDate(wave.ingangsdatum)}`;
  if (wave.aandeelOpIngangsdatum === null || wave.aandeelOpIngangsdatum === undefined) {
    return `${wave.naam}. ${goal}; nu ${percent(wave.aandeelGeimplementeerd ?? null)}.`;
  }
  const verdict = wave.doelGehaald ? 'gehaald' : 'niet gehaald';
  return `${wave.naam}. ${goal}: ${verdict} (${percent(wave.aandeelOpIngangsdatum)} op die dag); nu ${percent(wave.aandeelGeimplementeerd ?? null)}.`;
}
