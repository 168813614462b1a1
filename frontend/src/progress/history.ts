import { formatDutchDate } from '../shared/dates';
import { blockerKindLabel, phaseLabel, SOURCE_LABELS } from './labels';
import type { CellHistoryEntry, Source } from './types';

type Change = { van?: unknown; naar?: unknown };

const dateText = (value: unknown) => (typeof value === 'string' && value ? formatDutchDate(value) : 'geen');
const text = (value: unknown) => (typeof value === 'string' && value ? `"${value}"` : 'leeg');
const kindText = (value: unknown) => (typeof value === 'string' && value ? blockerKindLabel(value) : 'geen');

function stepsRecord(value: unknown): Record<string, string> {
  return typeof value === 'object' && value !== null ? (value as Record<string, string>) : {};
}

function stepChanges(change: Change, titleOf: (code: string) => string): string[] {
  const before = stepsRecord(change.van);
  const after = stepsRecord(change.naar);
  const lines: string[] = [];
  for (const [code, date] of Object.entries(after)) {
    if (before[code] === undefined) lines.push(`Stap gereed: ${titleOf(code)} (${formatDutchDate(date)})`);
    else if (before[code] !== date) lines.push(`Stap ${titleOf(code)}: gereed op ${formatDutchDate(date)} in plaats van ${formatDutchDate(before[code])}`);
  }
  for (const code of Object.keys(before)) {
    if (after[code] === undefined) lines.push(`Stap niet meer gereed: ${titleOf(code)}`);
  }
  return lines;
}

/**
 * What one change did, one line per field, in Dutch: "Fase: Oriënterend → Voorbereidend".
 * An entry without changes (the same state saved again) says so.
 */
export function changeLines(entry: Pick<CellHistoryEntry, 'wijzigingen'>, titleOf: (code: string) => string = (c) => c): string[] {
  const changes = entry.wijzigingen as Record<string, Change>;
  const lines: string[] = [];
  for (const [field, change] of Object.entries(changes)) {
    switch (field) {
      case 'fase':
        lines.push(`Fase: ${phaseLabel(String(change.van))} → ${phaseLabel(String(change.naar))}`);
        break;
      case 'geplandLivegang':
        lines.push(`Geplande livegang: ${dateText(change.van)} → ${dateText(change.naar)}`);
        break;
      case 'stappenGereed':
        lines.push(...stepChanges(change, titleOf));
        break;
      case 'notitie':
        lines.push(`Notitie: ${text(change.naar)}`);
        break;
      case 'knelpunten':
        lines.push(`Knelpunten: ${text(change.naar)}`);
        break;
      case 'knelpuntSoort':
        lines.push(`Soort knelpunt: ${kindText(change.van)} → ${kindText(change.naar)}`);
        break;
      default:
        lines.push(`${field} gewijzigd`);
    }
  }
  return lines.length > 0 ? lines : ['Opnieuw opgeslagen zonder wijzigingen'];
}

/** Who made a change: the kind of source, and "u" when it was the person looking. */
export function byText(source: Source, who: string, currentSubject: string | null): string {
  const kind = SOURCE_LABELS[source] ?? source;
  return who === currentSubject ? `U (${kind})` : kind.charAt(0).toUpperCase() + kind.slice(1);
}
