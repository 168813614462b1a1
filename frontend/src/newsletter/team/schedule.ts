import { toOffsetIso } from '../../meetings/team/localTime';

/**
 * The moment typed in Dutch time as the API wants it (with its offset), or why not: empty,
 * not a moment, or in the past. `now` is passed in so the rule is tested without a clock.
 */
export function plannedMoment(date: string, time: string, now: Date): { iso: string } | { error: string } {
  if (!date || !time) return { error: 'Vul de datum en de tijd in.' };
  const iso = toOffsetIso(date, time);
  if (!iso) return { error: 'Dit is geen geldige datum en tijd.' };
  if (new Date(iso).getTime() <= now.getTime()) return { error: 'Kies een moment in de toekomst.' };
  return { iso };
}
