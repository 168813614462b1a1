/** The change since the previous period and the waves' targets on the dashboard. */
import { changeText } from '../shared/dutch';
import { formatDutchDate } from '../shared/dates';
import type { FigureChange, FiguresWithChange, PreviousFigures, WaveMoment } from './types';

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

/** Figures that may carry their previous period: the overview's groups and a region's figures do, when there was one. */
export interface MaybeChanged {
  vorigePeriode?: PreviousFigures | null;
  verandering?: FigureChange | null;
}

/** "+0,9 procentpunt sinds 1 december" for the figure `pick` takes from the change; null without a previous period. */
export function figureChangeText(
  figures: MaybeChanged,
  pick: (change: FigureChange) => number | null,
  unit = '',
): string | null {
  if (!figures.verandering || !figures.vorigePeriode) return null;
  return `${changeText(pick(figures.verandering), unit)} ${sinceText(figures.vorigePeriode)}`;
}

/** A table column's heading: "Verandering sinds 1 december", or "Verandering" when no row has a previous period. */
export function changeHeading(rows: MaybeChanged[]): string {
  const previous = rows.find((row) => row.vorigePeriode)?.vorigePeriode;
  return previous ? `Verandering ${sinceText(previous)}` : 'Verandering';
}

/**
 * A row's change of the share implemented, under `changeHeading`: "+0,9 procentpunt", "gelijk", or "–";
 * with `unit` '' just "+0,9", for a narrow table whose heading names the unit.
 */
export function shareChangeCell(row: MaybeChanged, unit = 'procentpunt'): string {
  return changeText(row.verandering?.aandeelGeimplementeerd ?? null, unit);
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
