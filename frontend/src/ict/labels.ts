import { ApiError } from '../api/problem';
import { formatDutchDate } from '../shared/dates';
import type { ChangeSource, Domain, IctVerdict, MunicipalIct, ReadinessReport, ReadinessStatus } from './types';

/** The domains of a municipality's software, in the API's fixed order. */
export const DOMAINS: readonly Domain[] = ['inkomen', 'werk', 'schulden', 'ketenuitwisseling'];

export const DOMAIN_LABELS: Record<Domain, string> = {
  inkomen: 'Inkomen',
  werk: 'Werk',
  schulden: 'Schulden',
  ketenuitwisseling: 'Ketenuitwisseling',
};

export const STATUSES: readonly ReadinessStatus[] = ['niet-nodig', 'in-analyse', 'gepland', 'beschikbaar', 'geleverd'];

export const STATUS_LABELS: Record<ReadinessStatus, string> = {
  'niet-nodig': 'Niet nodig',
  'in-analyse': 'In analyse',
  gepland: 'Gepland',
  beschikbaar: 'Beschikbaar',
  geleverd: 'Geleverd',
};

/** The statuses that need a release and a date (and the only ones that take a date). */
export const DATED_STATUSES: readonly ReadinessStatus[] = ['gepland', 'beschikbaar'];

export function isDated(status: ReadinessStatus | '' | null | undefined): boolean {
  return DATED_STATUSES.some((dated) => dated === status);
}

/** A status, or "Niet gemeld" when the supplier has said nothing yet; an unknown one as it comes. */
export function statusLabel(status: string | null | undefined): string {
  if (!status) return 'Niet gemeld';
  return status in STATUS_LABELS ? STATUS_LABELS[status as ReadinessStatus] : status;
}

/** What a municipality × measure waits for, in words, worst first. */
export const VERDICTS: readonly IctVerdict[] = ['te-laat-door-ict', 'risico-door-ict', 'onbekend', 'op-tijd'];

export const VERDICT_LABELS: Record<IctVerdict, string> = {
  'te-laat-door-ict': 'Te laat door ICT',
  'risico-door-ict': 'Risico door ICT',
  onbekend: 'Wacht op datum leverancier',
  'op-tijd': 'Op tijd',
};

export function verdictLabel(verdict: string): string {
  return verdict in VERDICT_LABELS ? VERDICT_LABELS[verdict as IctVerdict] : verdict;
}

/**
 * The verdicts that are a cause of a late or risky measure, as the traffic light names them
 * ("Op schema · te laat door ICT"); a wait without a date or in time is no cause (yet).
 */
const LIGHT_CAUSES: Partial<Record<IctVerdict, string>> = {
  'te-laat-door-ict': 'te laat door ICT',
  'risico-door-ict': 'risico door ICT',
};

/** Per measure the ICT cause to show beside its traffic light; measures without one are left out. */
export function lightCauses(ict: MunicipalIct | undefined): Record<string, string> {
  const causes: Record<string, string> = {};
  for (const wait of ict?.wachtOp ?? []) {
    const cause = LIGHT_CAUSES[wait.oordeel];
    if (cause) causes[wait.maatregel.code] = cause;
  }
  return causes;
}

export const SOURCE_LABELS: Record<ChangeSource, string> = {
  leverancier: 'Leverancier',
  redactie: 'Programmateam',
  gemeente: 'Gemeente',
  import: 'Import uit softwarecatalogus',
};

export function sourceLabel(source: string | null | undefined): string {
  if (!source) return '–';
  return source in SOURCE_LABELS ? SOURCE_LABELS[source as ChangeSource] : source;
}

/** Who made a change, as the API records it (`user:12`, `client:3`, `system`), in words. */
export function whoText(who: string | null | undefined): string {
  if (!who) return '–';
  if (who === 'system') return 'Spoorboek zelf';
  const [kind, id] = who.split(':', 2);
  if (kind === 'user' && id) return `gebruiker ${id}`;
  if (kind === 'client' && id) return `koppeling ${id}`;
  return who;
}

/** A release and its date in one phrase: "release 2027.1 op 1 februari 2027"; "–" when neither. */
export function releaseText(release: string | null | undefined, date: string | null | undefined): string {
  const parts = [release ? `release ${release}` : '', date ? `op ${formatDutchDate(date)}` : ''].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : '–';
}

/** A count with its noun, in Dutch digits: "1 gemeente", "12.345 inwoners". */
export function countText(count: number, one: string, many: string): string {
  return `${count.toLocaleString('nl-NL')} ${count === 1 ? one : many}`;
}

/** The readiness form as typed. */
export interface ReadinessValues {
  status: ReadinessStatus | '';
  release: string;
  datum: string;
}

/** The browser's own checks, the same rule as the API's: a release and a date with gepland or beschikbaar only. */
export function readinessProblems(values: ReadinessValues): Record<keyof ReadinessValues, string | false> {
  const dated = isDated(values.status);
  return {
    status: !values.status && 'Kies een status.',
    release: dated && !values.release.trim() && 'Geef de release op: bij gepland en beschikbaar hoort een release.',
    datum: dated && !values.datum && 'Geef de datum op: bij gepland en beschikbaar hoort een datum.',
  };
}

/** What is sent: a date only with a status that takes one, an empty release as none. */
export function reportBody(values: ReadinessValues): ReadinessReport {
  if (!values.status) throw new Error('A status is required.');
  const release = values.release.trim();
  return {
    status: values.status,
    release: release || null,
    datum: isDated(values.status) ? values.datum || null : null,
  };
}

/** One problem of one row of a refused catalogue import. */
export interface ImportProblem {
  /** The line in the file; the header is line 1. */
  row: number;
  municipality: string;
  column: string | null;
  message: string;
}

const IMPORT_COLUMNS = ['gemeentecode', 'gemeentenaam', 'pakket', 'leverancier', 'domein'];

/** "domein werk: staat … ook op regel 3" is about the column domein; a text without a column stays whole. */
function splitImportProblem(text: string): { column: string | null; message: string } {
  const match = /^([a-z]+)\b[^:]{0,60}:\s*(.+)$/s.exec(text);
  const name = match?.[1] ?? '';
  if (!match || !IMPORT_COLUMNS.includes(name)) return { column: null, message: text };
  return { column: name, message: text.slice(name.length).replace(/^:\s*/, '').trim() };
}

/** The per-row problems of a refused import (400 with rijFouten), one entry per problem. */
export function importProblems(error: unknown): ImportProblem[] {
  if (!(error instanceof ApiError)) return [];
  const raw = error.extensions.rijFouten;
  if (!Array.isArray(raw)) return [];
  return (raw as { rij?: unknown; gemeente?: unknown; fouten?: unknown }[]).flatMap((entry) => {
    const problems = Array.isArray(entry.fouten) ? entry.fouten.map(String) : [];
    return problems.map((text) => ({
      row: Number(entry.rij),
      municipality: typeof entry.gemeente === 'string' ? entry.gemeente : '',
      ...splitImportProblem(text),
    }));
  });
}

/** A line of the public figures: the supplier's name, or the others together with their number. */
export function figuresLineName(line: { leverancier: { naam: string } | null; leveranciers: number }): string {
  if (line.leverancier) return line.leverancier.naam;
  return line.leveranciers === 1 ? 'Eén andere leverancier' : `Overige leveranciers (${line.leveranciers})`;
}
