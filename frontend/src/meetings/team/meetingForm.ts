import { fromIso, toOffsetIso } from './localTime';
import type { Audience, HostInput, MeetingCreate, MeetingDetail, MeetingKind, MeetingUpdate } from './types';

/** What the create and edit forms hold: texts as typed, times as the Dutch inputs give them. */
export interface MeetingFormValues {
  soort: MeetingKind | '';
  titel: string;
  omschrijving: string;
  doelgroep: Audience;
  maatregelen: string[];
  themas: string[];
  organisatoren: HostInput[];
  online: boolean;
  deelnamelink: string;
  locatie: string;
  adres: string;
  provincie: string;
  arbeidsmarktregio: string;
  beginDatum: string;
  beginTijd: string;
  eindeDatum: string;
  eindeTijd: string;
  capaciteit: string;
  aanmeldenTotDatum: string;
  aanmeldenTotTijd: string;
  tijdslotMinuten: string;
  organisator: { id: number; naam: string } | null;
  status: 'gepland' | 'open';
}

export const EMPTY_MEETING: MeetingFormValues = {
  soort: '',
  titel: '',
  omschrijving: '',
  doelgroep: 'gemeenten',
  maatregelen: [],
  themas: [],
  organisatoren: [],
  online: true,
  deelnamelink: '',
  locatie: '',
  adres: '',
  provincie: '',
  arbeidsmarktregio: '',
  beginDatum: '',
  beginTijd: '',
  eindeDatum: '',
  eindeTijd: '',
  capaciteit: '',
  aanmeldenTotDatum: '',
  aanmeldenTotTijd: '',
  tijdslotMinuten: '20',
  organisator: null,
  status: 'gepland',
};

export const MEETING_LABELS = {
  soort: 'Soort bijeenkomst',
  titel: 'Titel',
  omschrijving: 'Omschrijving',
  doelgroep: 'Doelgroep',
  maatregelen: 'Maatregelen',
  themas: 'Thema’s',
  organisatoren: 'Organiserende organisaties',
  online: 'Online',
  deelnamelink: 'Deelnamelink',
  locatie: 'Zaal of locatie',
  adres: 'Adres',
  provincie: 'Provincie',
  arbeidsmarktregio: 'Arbeidsmarktregio',
  begin: 'Begin',
  einde: 'Einde',
  capaciteit: 'Aantal plaatsen',
  aanmeldenTot: 'Aanmelden kan tot',
  tijdslotMinuten: 'Lengte van een tijdslot (minuten)',
  organisator: 'Organisator',
  status: 'Status',
} as const;

/** The form's fields by their names in the API, for mapping a problem's invalid parameters. */
export const MEETING_FIELDS = Object.keys(MEETING_LABELS);

const TITLE = { min: 5, max: 200 };

function wholeNumber(text: string): number | null {
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : null;
}

function momentProblem(date: string, time: string, what: string): string | null {
  if (!date && !time) return `Vul de datum en de tijd van het ${what} in.`;
  if (!date) return `Vul de datum van het ${what} in.`;
  if (!time) return `Vul de tijd van het ${what} in.`;
  return toOffsetIso(date, time) ? null : `Dit is geen geldige datum en tijd.`;
}

/** Checks made before sending (the API's limits: MeetingCreate). */
export function meetingProblems(values: MeetingFormValues): Record<string, string | null> {
  const title = values.titel.trim();
  const begin = toOffsetIso(values.beginDatum, values.beginTijd);
  const end = toOffsetIso(values.eindeDatum, values.eindeTijd);
  const deadlineGiven = Boolean(values.aanmeldenTotDatum || values.aanmeldenTotTijd);
  const deadline = toOffsetIso(values.aanmeldenTotDatum, values.aanmeldenTotTijd);
  const capacity = values.capaciteit.trim();
  const capacityNumber = wholeNumber(capacity);
  const slot = wholeNumber(values.tijdslotMinuten);
  const link = values.deelnamelink.trim();
  return {
    soort: values.soort ? null : 'Kies de soort bijeenkomst.',
    titel: !title
      ? 'Geef de bijeenkomst een titel.'
      : title.length < TITLE.min
        ? `Gebruik minstens ${TITLE.min} tekens.`
        : title.length > TITLE.max
          ? `Gebruik hoogstens ${TITLE.max} tekens.`
          : null,
    deelnamelink:
      values.online && link && !/^https:\/\/\S+$/.test(link)
        ? 'Een deelnamelink begint met https:// en bevat geen spaties.'
        : null,
    adres: !values.online && !values.adres.trim() ? 'Vul het adres in van een bijeenkomst op locatie.' : null,
    begin: momentProblem(values.beginDatum, values.beginTijd, 'begin'),
    einde:
      momentProblem(values.eindeDatum, values.eindeTijd, 'einde') ??
      (begin && end && Date.parse(end) <= Date.parse(begin) ? 'Het einde ligt na het begin.' : null),
    capaciteit:
      capacity && (capacityNumber === null || capacityNumber < 1 || capacityNumber > 10_000)
        ? 'Vul een aantal van 1 tot en met 10.000 in, of laat het leeg voor geen grens.'
        : null,
    aanmeldenTot: !deadlineGiven
      ? null
      : !deadline
        ? 'Vul de datum en de tijd in, of laat beide leeg: dan kan aanmelden tot het begin.'
        : begin && Date.parse(deadline) > Date.parse(begin)
          ? 'Aanmelden sluit uiterlijk bij het begin.'
          : null,
    tijdslotMinuten:
      values.soort === 'spreekuur' && (slot === null || slot < 5 || slot > 240)
        ? 'Een tijdslot duurt 5 tot en met 240 minuten.'
        : null,
  };
}

const orNull = (text: string) => text.trim() || null;

/** The POST body of a new meeting; a place only for a meeting on site, a link only online. */
export function createBody(values: MeetingFormValues): MeetingCreate {
  const deadline = toOffsetIso(values.aanmeldenTotDatum, values.aanmeldenTotTijd);
  const capacity = wholeNumber(values.capaciteit);
  return {
    soort: values.soort as MeetingKind,
    titel: values.titel.trim(),
    omschrijving: values.omschrijving.trim(),
    doelgroep: values.doelgroep,
    maatregelen: values.maatregelen,
    themas: values.themas,
    organisatoren: values.organisatoren.filter((host) => host.organisatie),
    online: values.online,
    deelnamelink: values.online ? orNull(values.deelnamelink) : null,
    locatie: values.online ? null : orNull(values.locatie),
    adres: values.online ? null : orNull(values.adres),
    provincie: orNull(values.provincie),
    arbeidsmarktregio: orNull(values.arbeidsmarktregio),
    begin: toOffsetIso(values.beginDatum, values.beginTijd)!,
    einde: toOffsetIso(values.eindeDatum, values.eindeTijd)!,
    capaciteit: capacity,
    aanmeldenTot: deadline,
    tijdslotMinuten: values.soort === 'spreekuur' ? wholeNumber(values.tijdslotMinuten) : null,
    organisator: values.organisator?.id ?? null,
    status: values.status,
  };
}

/** The edit form filled with the meeting as it is. */
export function valuesOf(meeting: MeetingDetail): MeetingFormValues {
  const begin = fromIso(meeting.begin);
  const end = fromIso(meeting.einde);
  const deadline = fromIso(meeting.aanmeldenTot);
  return {
    soort: meeting.soort,
    titel: meeting.titel,
    omschrijving: meeting.omschrijving,
    doelgroep: meeting.doelgroep,
    maatregelen: meeting.maatregelen.map((measure) => measure.code),
    themas: meeting.themas.map((theme) => theme.code),
    organisatoren: meeting.organisatoren.map((host) => ({ organisatie: host.code, rol: host.rol })),
    online: meeting.online,
    deelnamelink: meeting.deelnamelink ?? '',
    locatie: meeting.locatie ?? '',
    adres: meeting.adres ?? '',
    provincie: meeting.provincie?.code ?? '',
    arbeidsmarktregio: meeting.arbeidsmarktregio?.code ?? '',
    beginDatum: begin.date,
    beginTijd: begin.time,
    eindeDatum: end.date,
    eindeTijd: end.time,
    capaciteit: meeting.plaatsen.capaciteit === null ? '' : String(meeting.plaatsen.capaciteit),
    aanmeldenTotDatum: deadline.date,
    aanmeldenTotTijd: deadline.time,
    tijdslotMinuten: meeting.tijdslotMinuten === null ? '20' : String(meeting.tijdslotMinuten),
    organisator: meeting.organisator,
    status: meeting.status === 'open' ? 'open' : 'gepland',
  };
}

const sameList = (a: unknown[], b: unknown[]) => JSON.stringify([...a].map(String).sort()) === JSON.stringify([...b].map(String).sort());
const sameInstant = (a: string | null | undefined, b: string | null | undefined) =>
  (a ? Date.parse(a) : null) === (b ? Date.parse(b) : null);

/**
 * The PATCH body: only what changed, so a colleague's change of another field is not overwritten
 * and an unchanged time does not send everyone a new invitation.
 */
export function updateBody(meeting: MeetingDetail, values: MeetingFormValues): MeetingUpdate {
  const next = createBody(values);
  const body: MeetingUpdate = {};
  if (next.titel !== meeting.titel) body.titel = next.titel;
  if (next.omschrijving !== meeting.omschrijving) body.omschrijving = next.omschrijving;
  if (next.doelgroep !== meeting.doelgroep) body.doelgroep = next.doelgroep;
  if (!sameList(next.maatregelen ?? [], meeting.maatregelen.map((m) => m.code))) body.maatregelen = next.maatregelen;
  if (!sameList(next.themas ?? [], meeting.themas.map((t) => t.code))) body.themas = next.themas;
  const hosts = (list: HostInput[]) => list.map((host) => `${host.organisatie}:${host.rol}`);
  if (!sameList(hosts(next.organisatoren ?? []), hosts(meeting.organisatoren.map((h) => ({ organisatie: h.code, rol: h.rol })))))
    body.organisatoren = next.organisatoren;
  if (next.online !== meeting.online) body.online = next.online;
  if (next.deelnamelink !== meeting.deelnamelink) body.deelnamelink = next.deelnamelink;
  if (next.locatie !== meeting.locatie) body.locatie = next.locatie;
  if (next.adres !== meeting.adres) body.adres = next.adres;
  if (next.provincie !== (meeting.provincie?.code ?? null)) body.provincie = next.provincie;
  if (next.arbeidsmarktregio !== (meeting.arbeidsmarktregio?.code ?? null)) body.arbeidsmarktregio = next.arbeidsmarktregio;
  if (!sameInstant(next.begin, meeting.begin)) body.begin = next.begin;
  if (!sameInstant(next.einde, meeting.einde)) body.einde = next.einde;
  if (next.capaciteit !== meeting.plaatsen.capaciteit) body.capaciteit = next.capaciteit;
  if (!sameInstant(next.aanmeldenTot, meeting.aanmeldenTot)) body.aanmeldenTot = next.aanmeldenTot;
  if (next.organisator !== (meeting.organisator?.id ?? null)) body.organisator = next.organisator;
  if (next.status !== meeting.status && (meeting.status === 'gepland' || meeting.status === 'open')) body.status = next.status;
  return body;
}

/** Fields whose change sends everyone registered an updated calendar invitation. */
const MOVING: (keyof MeetingUpdate)[] = ['begin', 'einde', 'online', 'deelnamelink', 'locatie', 'adres'];

export function movesPeople(body: MeetingUpdate): boolean {
  return MOVING.some((field) => field in body);
}
