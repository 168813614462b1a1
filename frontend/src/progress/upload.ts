import { ApiError } from '../api/problem';
import { form, plural } from '../shared/dutch';
import type { BulkReport } from './types';

/** One problem in one row of an uploaded file. */
export interface RowProblem {
  /** The row number the server counts: 1 is the first non-empty row under the header. */
  row: number;
  municipality: string;
  measure: string;
  /** The column the problem is about, when the message names one. */
  column: string | null;
  message: string;
}

const COLUMNS = new Set(['gemeente', 'maatregel', 'fase', 'geplandLivegang', 'stappenGereed', 'knelpunten', 'knelpuntSoort', 'notitie']);

interface RawRowError {
  rij?: unknown;
  gemeente?: unknown;
  maatregel?: unknown;
  fouten?: unknown;
}

/**
 * Splits "fase: 'klaar' kan niet" into its column and message. The server writes a step's date
 * as "stap impactanalyse: …", which is about the column stappenGereed.
 */
export function splitProblem(text: string): { column: string | null; message: string } {
  const match = /^([^:]{1,60}):\s*(.+)$/s.exec(text);
  if (!match) return { column: null, message: text };
  const [, name = '', message = ''] = match;
  if (COLUMNS.has(name)) return { column: name, message };
  if (name.startsWith('stap ')) return { column: 'stappenGereed', message: `${name}: ${message}` };
  return { column: null, message: text };
}

/** The per-row problems of a refused upload (400 with rijFouten), one entry per problem. */
export function rowProblems(error: unknown): RowProblem[] {
  if (!(error instanceof ApiError)) return [];
  const raw = error.extensions.rijFouten;
  if (!Array.isArray(raw)) return [];
  return (raw as RawRowError[]).flatMap((entry) => {
    const problems = Array.isArray(entry.fouten) ? entry.fouten.map(String) : [];
    return problems.map((text) => ({
      row: Number(entry.rij),
      municipality: typeof entry.gemeente === 'string' ? entry.gemeente : '',
      measure: typeof entry.maatregel === 'string' ? entry.maatregel : '',
      ...splitProblem(text),
    }));
  });
}

const rows = (count: number) => plural(count, 'rij', 'rijen');

/** What an accepted upload did, in one sentence. */
export function reportText(report: BulkReport): string {
  if (report.gecontroleerd) return `Gecontroleerd: ${rows(report.rijen)}, geen fouten. Er is niets opgeslagen.`;
  return `Opgeslagen: ${rows(report.rijen)}, ${report.gewijzigd.toLocaleString('nl-NL')} gewijzigd, ${report.ongewijzigd.toLocaleString('nl-NL')} ongewijzigd.`;
}

/** What to do about a refused upload, for the rows that have problems: "Verbeter de rij hieronder". */
export function correctionText(problems: RowProblem[]): string {
  const count = new Set(problems.map((problem) => problem.row)).size;
  if (count === 0) return 'Verbeter het bestand en upload het opnieuw.';
  const which = count === 1 ? 'de rij' : `de ${plural(count, 'rij', 'rijen')}`;
  return `Verbeter ${which} hieronder en upload het bestand opnieuw. ${form(count, 'Deze rij heeft', 'Deze rijen hebben')} ${plural(problems.length, 'fout', 'fouten')}.`;
}
