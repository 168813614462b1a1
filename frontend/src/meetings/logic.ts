import { emailProblem } from '../forms/validation';
import type { MeetingSummary } from './types';

// Meetings are held in the Netherlands: their times are Dutch time, whatever the browser's zone.
const ZONE = 'Europe/Amsterdam';
const day = new Intl.DateTimeFormat('nl-NL', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: ZONE });
const time = new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', timeZone: ZONE });
const dayKey = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: ZONE });

function parse(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * When a meeting is, in Dutch time: "dinsdag 12 januari 2027, 14:00–15:30"; over more days
 * "maandag 1 maart 2027, 09:00 – dinsdag 2 maart 2027, 17:00". Unparseable values are shown as is.
 */
export function formatMeetingTime(begin: string, end: string): string {
  const from = parse(begin);
  const to = parse(end);
  if (!from || !to) return `${begin} – ${end}`;
  if (dayKey.format(from) === dayKey.format(to)) return `${day.format(from)}, ${time.format(from)}–${time.format(to)}`;
  return `${day.format(from)}, ${time.format(from)} – ${day.format(to)}, ${time.format(to)}`;
}

/** A slot's time of day: "14:00–14:20". */
export function formatSlotTime(begin: string, end: string): string {
  const from = parse(begin);
  const to = parse(end);
  return from && to ? `${time.format(from)}–${time.format(to)}` : `${begin} – ${end}`;
}

/** Places left in words, or null where it no longer matters (cancelled, over). */
export function placesText(meeting: Pick<MeetingSummary, 'status' | 'plaatsen'>): string | null {
  if (meeting.status === 'geannuleerd' || meeting.status === 'afgelopen') return null;
  const { vrij } = meeting.plaatsen;
  if (meeting.status === 'vol' || vrij === 0) return 'Vol – wachtlijst';
  if (vrij === null) return 'Plaats genoeg';
  return vrij === 1 ? 'Nog 1 plaats vrij' : `Nog ${vrij} plaatsen vrij`;
}

/** "Online" or the venue (and its province), as the agenda shows it. */
export function whereText(meeting: Pick<MeetingSummary, 'online' | 'locatie' | 'provincie'>): string {
  if (meeting.online) return 'Online';
  const parts = [meeting.locatie, meeting.provincie?.naam].filter(Boolean);
  return parts.length ? parts.join(', ') : 'Locatie volgt';
}

/** What the API accepts as a token; anything else cannot be a link from our mail. */
const TOKEN = /^[A-Za-z0-9_-]{20,200}$/;

export interface MailLink {
  token: string | null;
  score: number | null;
}

/**
 * The token (and the score, for the evaluation links) of a mail's link, from the fragment:
 * `#token=…&score=4`. The fragment never reaches a server or its logs. A malformed token or a
 * score outside 1–5 is as good as none.
 */
export function mailLinkFrom(hash: string): MailLink {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('token');
  const score = params.get('score');
  return {
    token: token !== null && TOKEN.test(token) ? token : null,
    score: score !== null && /^[1-5]$/.test(score) ? Number(score) : null,
  };
}

export interface RegistrationInput {
  /** A colleague (name and e-mail) or herself (neither). */
  colleague: boolean;
  naam: string;
  email: string;
  gemeente: string;
  /** She is the contact of more than one municipality: she must say for which. */
  chooseMunicipality: boolean;
}

/** Checks made before sending, per field as the API names them; the server checks again. */
export function registrationProblems(input: RegistrationInput): Record<string, string | null> {
  const name = input.naam.trim();
  return {
    naam: !input.colleague
      ? null
      : !name
        ? 'Vul de naam van uw collega in.'
        : name.length < 2
          ? 'Een naam heeft minstens 2 tekens.'
          : name.length > 200
            ? 'Een naam heeft hoogstens 200 tekens.'
            : null,
    email: input.colleague ? emailProblem(input.email) : null,
    gemeente: input.chooseMunicipality && !/^GM\d{4}$/.test(input.gemeente) ? 'Kies voor welke gemeente.' : null,
  };
}

/** The booking of a slot: the topic and its explanation become a question (as the question form checks them). */
export function bookingProblems(input: {
  onderwerp: string;
  toelichting: string;
  gemeente: string;
  chooseMunicipality: boolean;
}): Record<string, string | null> {
  const topic = input.onderwerp.trim();
  const text = input.toelichting.trim();
  return {
    onderwerp: !topic ? 'Vul een onderwerp in.' : topic.length < 5 ? 'Een onderwerp heeft minstens 5 tekens.' : null,
    toelichting: !text ? 'Vul een toelichting in.' : text.length < 10 ? 'Een toelichting heeft minstens 10 tekens.' : null,
    gemeente: input.chooseMunicipality && !/^GM\d{4}$/.test(input.gemeente) ? 'Kies voor welke gemeente.' : null,
  };
}
