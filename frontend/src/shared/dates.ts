// timeZone UTC: the API sends calendar dates; formatting a UTC-midnight Date in a local zone west
// of Greenwich would show the day before.
const dutchLongDate = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026-01-01" → "1 januari 2026". Anything that is not an ISO calendar date is shown as is. */
export function formatDutchDate(isoDate: string): string {
  const match = ISO_DATE.exec(isoDate);
  if (!match) return isoDate;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  return dutchLongDate.format(new Date(Date.UTC(year, month - 1, day)));
}

/** Today as YYYY-MM-DD in the browser's zone (a date input's default or minimum). */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
