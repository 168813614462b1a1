/** The addresses of the meeting screens, in one place. */
export const AGENDA_PATH = '/bijeenkomsten';
export const MY_MEETINGS_PATH = '/mijn-bijeenkomsten';
export const CANCEL_BY_LINK_PATH = '/aanmelding-annuleren';
export const RATE_BY_LINK_PATH = '/bijeenkomst-beoordelen';

/** The public iCalendar feed of the agenda, for a calendar app (no join links in it). */
export const AGENDA_FEED_HREF = '/api/v1/bijeenkomsten/kalender';

export function meetingPath(id: number): string {
  return `${AGENDA_PATH}/${id}`;
}

/** One meeting's .ics: a plain link, the session cookie goes along (join link for those registered). */
export function meetingIcsHref(id: number): string {
  return `/api/v1/bijeenkomsten/${id}/kalender`;
}
