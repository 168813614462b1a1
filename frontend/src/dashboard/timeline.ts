const DAY_MS = 24 * 60 * 60 * 1000;

/** Days since 1970 of an ISO calendar date ("2026-01-01"), counted in UTC so no zone shifts it. */
export function dayNumber(isoDate: string): number {
  return Math.round(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
}

const days = (count: number) => `${count.toLocaleString('nl-NL')} ${count === 1 ? 'dag' : 'dagen'}`;

/** How far an effective date is: "over 34 dagen", "vandaag", "geldt sinds 331 dagen". */
export function untilText(daysUntil: number): string {
  if (daysUntil === 0) return 'gaat vandaag in';
  if (daysUntil > 0) return `over ${days(daysUntil)}`;
  return `geldt sinds ${days(-daysUntil)}`;
}

/** How far a due date is: "nog 34 dagen", "vandaag", "verstreken, 5 dagen geleden". */
export function dueText(daysUntil: number): string {
  if (daysUntil === 0) return 'vandaag';
  if (daysUntil > 0) return `nog ${days(daysUntil)}`;
  return `verstreken, ${days(-daysUntil)} geleden`;
}

export interface TimeScale {
  /** 0–100: where a date stands on the line, in percent of its width. */
  position: (isoDate: string) => number;
  /** The first day of each year in the range, for the tick marks. */
  years: { year: number; position: number }[];
}

/**
 * A time line that holds all `dates` with some room either side (a quarter of the span,
 * at least two months), so the first and last marks do not stick to the edges.
 */
export function timeScale(dates: string[]): TimeScale {
  const numbers = dates.map(dayNumber);
  const first = Math.min(...numbers);
  const last = Math.max(...numbers);
  const margin = Math.max(61, Math.round((last - first) / 4));
  const start = first - margin;
  const end = last + margin;
  const position = (isoDate: string) => ((dayNumber(isoDate) - start) / (end - start)) * 100;
  const years: TimeScale['years'] = [];
  const firstYear = new Date(start * DAY_MS).getUTCFullYear() + 1;
  const lastYear = new Date(end * DAY_MS).getUTCFullYear();
  for (let year = firstYear; year <= lastYear; year += 1) {
    years.push({ year, position: position(`${year}-01-01`) });
  }
  return { position, years };
}
