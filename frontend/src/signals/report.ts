import { formatDutchDate } from '../shared/dates';
import type { ReportQuery } from './api';
import type { Ages } from './types';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isDate(value: string | null): value is string {
  if (!value || !ISO_DATE.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The period from the page's URL: days that exist, else left to the API (the current quarter). */
export function reportQueryFrom(params: URLSearchParams): ReportQuery {
  const query: ReportQuery = {};
  const from = params.get('van');
  const until = params.get('tot');
  if (isDate(from)) query.van = from;
  if (isDate(until)) query.tot = until;
  return query;
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;

/** The calendar quarter `offset` quarters from the one `today` is in (-1: the previous one). */
export function quarter(today: Date, offset = 0): Required<ReportQuery> {
  const index = today.getFullYear() * 4 + Math.floor(today.getMonth() / 3) + offset;
  const year = Math.floor(index / 4);
  const first = (index % 4) * 3 + 1;
  const last = new Date(year, first + 2, 0).getDate();
  return { van: iso(year, first, 1), tot: iso(year, first + 2, last) };
}

/** The calendar year `today` is in. */
export function yearOf(today: Date): Required<ReportQuery> {
  return { van: iso(today.getFullYear(), 1, 1), tot: iso(today.getFullYear(), 12, 31) };
}

/** "1 oktober 2026 tot en met 31 december 2026". */
export function periodText(period: { van: string; tot: string }): string {
  return `${formatDutchDate(period.van)} tot en met ${formatDutchDate(period.tot)}`;
}

const decimal = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });

function days(count: number): string {
  return `${decimal.format(count)} ${count === 1 ? 'dag' : 'dagen'}`;
}

/** The median and longest age in words; a dash when there is nothing to measure. */
export function agesText(ages: Ages): { median: string; longest: string } {
  return {
    median: ages.mediaanDagen === null ? '–' : days(ages.mediaanDagen),
    longest: ages.langsteDagen === null ? '–' : days(ages.langsteDagen),
  };
}

/** Whether the period's end comes before its start (the API would refuse it). */
export function periodProblem(from: string, until: string): string | null {
  if (from && !isDate(from)) return 'Vul een datum in.';
  if (until && !isDate(until)) return 'Vul een datum in.';
  if (from && until && from > until) return 'De einddatum ligt voor de begindatum.';
  return null;
}
