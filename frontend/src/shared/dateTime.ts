// Times are shown in Dutch time, whatever the browser's zone, so they match the audit records.
const dutchDateTime = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Amsterdam',
});

/** "2026-11-28T14:02:37Z" → "28 november 2026 om 15:02". Unparseable values are shown as is. */
export function formatDutchDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dutchDateTime.format(date);
}

/**
 * The start of a calendar day (YYYY-MM-DD) in the browser's zone, as an ISO instant; with
 * `nextDay`, the start of the following day (for an inclusive "up to and including" filter).
 */
export function startOfDayIso(day: string, nextDay = false): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const [year, month, date] = match.slice(1).map(Number) as [number, number, number];
  return new Date(year, month - 1, date + (nextDay ? 1 : 0)).toISOString();
}

const dutchDay = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/Amsterdam',
});

/** "2026-11-28T23:30:00Z" → "29 november 2026": the day of a moment, in Dutch time. */
export function formatDutchDay(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dutchDay.format(date);
}
