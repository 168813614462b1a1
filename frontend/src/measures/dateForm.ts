/** What moves when an editor changes a date on a measure's page: the measure alone, or its wave. */
export type DateScope = 'maatregel' | 'fase';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The problem with a new effective date, checked before the preview is asked for; null when fine. */
export function dateProblem(day: string, current: string): string | null {
  if (!ISO_DATE.test(day) || Number.isNaN(Date.parse(day))) return 'Vul een datum in, zoals 2027-07-01.';
  if (day === current) return 'Dit is de huidige ingangsdatum. Kies een andere datum.';
  return null;
}

/** True when the date read now differs from the one the form started from (someone else moved it). */
export function movedDate(startedFrom: string | undefined, now: string | undefined): boolean {
  return startedFrom !== undefined && now !== undefined && startedFrom !== now;
}
