/**
 * The change since the previous period and the waves' targets on the dashboard. Written by
 * hand until the generated client knows the fields (the coordinator regenerates the contract).
 */
import { changeText } from '../shared/dutch';
import { formatDutchDate } from '../shared/dates';
import type { GroupFigures, WaveMoment } from './types';

/** The state at the end of the previous month: what the change is measured from. */
export interface PreviousFigures {
  peildatum: string;
  /** The first of this month: "sinds 1 december". */
  sinds: string;
  aandeelGeimplementeerd: number;
  tekort: number | null;
  teLaat: number;
  risico: number;
}

/** Now minus the previous period: shares in percentage points, counts in cells. */
export interface FigureChange {
  aandeelGeimplementeerd: number;
  tekort: number | null;
  teLaat: number;
  risico: number;
}

export type FiguresWithChange = GroupFigures & { vorigePeriode?: PreviousFigures; verandering?: FigureChange };

export type WaveWithTarget = WaveMoment & {
  /** The target share (0-1) implemented by the legal date; null without a target. */
  doel?: number | null;
  aandeelGeimplementeerd?: number | null;
  aandeelOpIngangsdatum?: number | null;
  doelGehaald?: boolean | null;
};

/** "sinds 1 december" */
export function sinceText(previous: PreviousFigures): string {
  const [day, month] = formatDutchDate(previous.sinds).split(' ');
  return `sinds ${day} ${month}`;
}

/** "+4 procentpunt sinds 1 december", or null when the figure carries no change. */
export function shareChangeText(figures: FiguresWithChange): string | null {
  if (!figures.verandering || !figures.vorigePeriode) return null;
  return `${changeText(figures.verandering.aandeelGeimplementeerd, 'procentpunt')} ${sinceText(figures.vorigePeriode)}`;
}

/** The measures whose share implemented changed since the previous period, most changed first. */
export function changedMeasures(groups: FiguresWithChange[]): FiguresWithChange[] {
  return groups
    .filter((group) => (group.verandering?.aandeelGeimplementeerd ?? 0) !== 0)
    .sort(
      (a, b) =>
        Math.abs(b.verandering?.aandeelGeimplementeerd ?? 0) - Math.abs(a.verandering?.aandeelGeimplementeerd ?? 0) ||
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
