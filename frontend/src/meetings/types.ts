// until the client is regenerated: the shapes of the meetings' endpoints (api/meetings/schemas.py
// and the design of the slots, calendars and evaluation). The team's screens import them from here.

export type MeetingKind = 'werksessie' | 'spreekuur' | 'webinar' | 'training' | 'regiobijeenkomst' | 'presentatie-elders';
export type Audience = 'gemeenten' | 'ketenpartners' | 'iedereen';
export type MeetingStatus = 'gepland' | 'open' | 'vol' | 'geannuleerd' | 'afgelopen';
export type HostRole = 'organisator' | 'medeorganisator';
export type RegistrationStatus = 'aangemeld' | 'wachtlijst' | 'afgemeld';
export type Attendance = 'aanwezig' | 'afwezig' | 'laat-afgemeld';

export interface CodeName {
  code: string;
  naam: string;
}

export interface Link {
  href: string;
}

export interface Places {
  capaciteit: number | null;
  aangemeld: number;
  wachtlijst: number;
  /** Null: no limit. */
  vrij: number | null;
}

export interface MeetingSummary {
  id: number;
  soort: MeetingKind;
  titel: string;
  doelgroep: Audience;
  status: MeetingStatus;
  begin: string;
  einde: string;
  online: boolean;
  locatie: string | null;
  provincie: CodeName | null;
  arbeidsmarktregio: CodeName | null;
  maatregelen: CodeName[];
  plaatsen: Places;
  aanmeldenMogelijk: boolean;
  mijnAanmelding?: RegistrationStatus | null;
}

export interface Host {
  code: string;
  naam: string;
  rol: HostRole;
}

export interface PersonRef {
  id: number;
  naam: string;
}

export interface MeetingDetail extends MeetingSummary {
  omschrijving: string;
  themas: CodeName[];
  organisatoren: Host[];
  adres: string | null;
  aanmeldenTot: string | null;
  tijdslotMinuten: number | null;
  deelnamelink: string | null;
  organisator: PersonRef | null;
  geannuleerdOp: string | null;
  redenAnnulering: string | null;
  versie: number;
  _links: { self: Link; kalender: Link };
}

export interface PageInfo {
  pagina: number;
  paginaGrootte: number;
  totaal: number;
  aantalPaginas: number;
}

export interface MeetingPage {
  bijeenkomsten: MeetingSummary[];
  pagina: PageInfo;
  _links: { self: Link; first: Link; last: Link; prev?: Link | null; next?: Link | null };
}

export interface AgendaQuery {
  soort?: MeetingKind;
  maatregel?: string;
  provincie?: string;
  afgelopen?: boolean;
  pagina?: number;
  paginaGrootte?: number;
}

export interface RegistrationCreate {
  naam?: string;
  email?: string;
  gemeente?: string;
}

export interface Registration {
  id: number;
  naam: string;
  email: string;
  gemeente: CodeName | null;
  organisatie: CodeName | null;
  status: RegistrationStatus;
  /** 1 is the first to get a freed place. */
  plaatsOpWachtlijst: number | null;
  aangemeldOp: string;
  afgemeldOp: string | null;
  aanwezigheid: Attendance | null;
}

export interface RegistrationList {
  aanmeldingen: Registration[];
  plaatsen: Places;
}

export interface MyMeeting {
  bijeenkomst: MeetingSummary;
  aanmeldingen: Registration[];
}

export interface MyMeetings {
  komend: MyMeeting[];
  afgelopen: MyMeeting[];
}

/** The registration behind a mail's cancel link. */
export interface RegistrationByToken {
  bijeenkomst: MeetingSummary;
  naam: string;
  status: RegistrationStatus;
}

export interface Slot {
  id: number;
  begin: string;
  einde: string;
  vrij: boolean;
  /** Only for the team and for the municipality that booked it. */
  gemeente: CodeName | null;
  vraag: number | null;
}

export interface SlotList {
  tijdslotMinuten: number | null;
  tijdsloten: Slot[];
}

export interface SlotBooking {
  gemeente?: string;
  onderwerp: string;
  toelichting: string;
}

export interface CalendarFeed {
  /** Only in the answer that makes it: the server keeps a hash, so it can never be shown again. */
  url: string | null;
  actief: boolean;
  aangemaaktOp: string | null;
}

export interface Booking {
  tijdslot: Slot;
  /** The question (channel spreekuur), followed under Mijn vragen. */
  vraag: number;
  aanmelding: number;
}

export interface MeetingRating {
  bijeenkomst: { id: number; titel: string; begin: string };
  score: number | null;
  toelichting: string | null;
  wijzigbaarTot: string;
  wijzigbaar: boolean;
}

export interface MeetingRatingWrite {
  token: string;
  score: number;
  toelichting?: string | null;
}

type NoParams = { query?: never; header?: never; path?: never; cookie?: never };
interface Json<T> {
  headers: Record<string, unknown>;
  content: { 'application/json': T };
}
interface Op<P, B, R> {
  parameters: P & { cookie?: never };
  requestBody: { content: { 'application/json': B } };
  responses: { 200: Json<R>; 201: Json<R> };
}
interface Get<P, R> {
  parameters: P & { cookie?: never };
  requestBody?: never;
  responses: { 200: Json<R> };
}
interface Delete<P> {
  parameters: P & { cookie?: never };
  requestBody?: never;
  responses: { 204: { headers: Record<string, unknown>; content?: never } };
}
type Plain = { query?: never; path?: never; header?: never };
type ById = { path: { id: number }; query?: never; header?: never };

// until the client is regenerated
export interface MeetingPaths {
  '/bijeenkomsten': { parameters: NoParams; get: Get<{ query?: AgendaQuery; path?: never; header?: never }, MeetingPage> };
  '/bijeenkomsten/{id}': { parameters: NoParams; get: Get<ById, MeetingDetail> };
  '/bijeenkomsten/{id}/aanmeldingen': {
    parameters: NoParams;
    get: Get<ById, RegistrationList>;
    post: Op<ById, RegistrationCreate, Registration>;
  };
  '/bijeenkomsten/{id}/aanmeldingen/{aanmeldingId}': {
    parameters: NoParams;
    delete: Delete<{ path: { id: number; aanmeldingId: number }; query?: never; header?: never }>;
  };
  '/bijeenkomsten/{id}/tijdsloten': { parameters: NoParams; get: Get<ById, SlotList> };
  '/bijeenkomsten/{id}/tijdsloten/{slotId}/boeking': {
    parameters: NoParams;
    post: Op<{ path: { id: number; slotId: number }; query?: never; header?: never }, SlotBooking, Booking>;
    delete: Delete<{ path: { id: number; slotId: number }; query?: never; header?: never }>;
  };
  '/mijn-bijeenkomsten': { parameters: NoParams; get: Get<Plain, MyMeetings> };
  '/aanmelding-opzoeken': { parameters: NoParams; post: Op<Plain, { token: string }, RegistrationByToken> };
  '/aanmelding-annuleren': { parameters: NoParams; post: Op<Plain, { token: string }, never> };
  '/mijn-kalender': {
    parameters: NoParams;
    get: Get<Plain, CalendarFeed>;
    post: Omit<Op<Plain, never, CalendarFeed>, 'requestBody'> & { requestBody?: never };
    delete: Delete<Plain>;
  };
  '/bijeenkomstbeoordeling/opzoeken': { parameters: NoParams; post: Op<Plain, { token: string }, MeetingRating> };
  '/bijeenkomstbeoordeling': { parameters: NoParams; put: Op<Plain, MeetingRatingWrite, MeetingRating> };
}
