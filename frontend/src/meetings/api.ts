import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { unwrap } from '../api/call';
import { apiClient } from '../api/client';
import { pageFrom } from '../shared/Pagination';
import type { Page } from '../shared/usePagedList';
import { isKind } from './labels';
import type {
  AgendaQuery,
  Booking,
  CalendarFeed,
  MeetingDetail,
  MeetingRating,
  MeetingSummary,
  MyMeetings,
  Registration,
  RegistrationByToken,
  RegistrationCreate,
  RegistrationList,
  Slot,
  SlotBooking,
} from './types';

export const PAGE_SIZE = 20;

// A signed-in person's view of the agenda holds her own registrations (and a meeting's page the
// join link): those keys start with 'prive' (dropped at login and logout); a visitor's are public.
export const meetingKeys = {
  private: ['prive', 'bijeenkomsten'] as const,
  list: (query: AgendaQuery, signedIn: boolean) =>
    signedIn ? (['prive', 'bijeenkomsten', 'lijst', query] as const) : (['bijeenkomsten', 'lijst', query] as const),
  detail: (id: number, signedIn: boolean) =>
    signedIn ? (['prive', 'bijeenkomsten', id] as const) : (['bijeenkomsten', id] as const),
  registrations: (id: number) => ['prive', 'bijeenkomsten', id, 'aanmeldingen'] as const,
  slots: (id: number) => ['prive', 'bijeenkomsten', id, 'tijdsloten'] as const,
  mine: ['prive', 'bijeenkomsten', 'mijn'] as const,
  feed: ['prive', 'mijn-kalender'] as const,
  byToken: (token: string) => ['aanmelding-via-link', token] as const,
  ratingByToken: (token: string) => ['bijeenkomstbeoordeling', token] as const,
};

const MEASURE = /^M\d{2}$/;
const PROVINCE = /^PV\d{2}$/;

/** The agenda's filters from the page's URL, leaving out anything the API would refuse. */
export function agendaQueryFrom(params: URLSearchParams): AgendaQuery {
  const query: AgendaQuery = { pagina: pageFrom(params.get('pagina')), paginaGrootte: PAGE_SIZE };
  const kind = params.get('soort');
  if (isKind(kind)) query.soort = kind;
  const measure = params.get('maatregel');
  if (measure && MEASURE.test(measure)) query.maatregel = measure;
  const province = params.get('provincie');
  if (province && PROVINCE.test(province)) query.provincie = province;
  if (params.get('afgelopen') === 'true') query.afgelopen = true;
  return query;
}

export function isFiltered(query: AgendaQuery): boolean {
  return Boolean(query.soort || query.maatregel || query.provincie);
}

export async function fetchAgenda(query: AgendaQuery, signal?: AbortSignal): Promise<Page<MeetingSummary>> {
  return unwrap(apiClient.GET('/bijeenkomsten', { params: { query }, signal }));
}

export function agendaQuery(query: AgendaQuery, signedIn: boolean) {
  return queryOptions({
    queryKey: meetingKeys.list(query, signedIn),
    queryFn: ({ signal }) => fetchAgenda(query, signal),
    placeholderData: keepPreviousData,
    staleTime: 30 * 1000,
  });
}

export function fetchMeeting(id: number, signal?: AbortSignal): Promise<MeetingDetail> {
  return unwrap(apiClient.GET('/bijeenkomsten/{id}', { params: { path: { id } }, signal }));
}

export function useMeeting(id: number, signedIn: boolean, enabled = true) {
  return useQuery({
    queryKey: meetingKeys.detail(id, signedIn),
    queryFn: ({ signal }) => fetchMeeting(id, signal),
    enabled,
    staleTime: 0,
  });
}

/** Her municipalities' registrations (a contact), or all of them (the team). */
export function useRegistrations(id: number, enabled: boolean) {
  return useQuery({
    queryKey: meetingKeys.registrations(id),
    // The JSON answer; the team's list as CSV is a plain link.
    queryFn: ({ signal }) =>
      unwrap(apiClient.GET('/bijeenkomsten/{id}/aanmeldingen', { params: { path: { id } }, signal })) as Promise<RegistrationList>,
    enabled,
    staleTime: 0,
  });
}

/** Herself without naam and email; a colleague with them. 201: aangemeld or wachtlijst. */
export function register(id: number, body: RegistrationCreate): Promise<Registration> {
  return unwrap(apiClient.POST('/bijeenkomsten/{id}/aanmeldingen', { params: { path: { id } }, body }));
}

export function cancelRegistration(id: number, aanmeldingId: number): Promise<void> {
  return unwrap(apiClient.DELETE('/bijeenkomsten/{id}/aanmeldingen/{aanmeldingId}', { params: { path: { id, aanmeldingId } } }));
}

export function useSlots(id: number, enabled: boolean) {
  return useQuery({
    queryKey: meetingKeys.slots(id),
    queryFn: async ({ signal }): Promise<Slot[]> =>
      (await unwrap(apiClient.GET('/bijeenkomsten/{id}/tijdsloten', { params: { path: { id } }, signal }))).tijdsloten,
    enabled,
    staleTime: 0,
  });
}

/** Books a slot: the topic becomes a question (channel spreekuur); 409 when taken. */
export function bookSlot(id: number, slotId: number, body: SlotBooking): Promise<Booking> {
  return unwrap(apiClient.POST('/bijeenkomsten/{id}/tijdsloten/{slotId}/boeking', { params: { path: { id, slotId } }, body }));
}

export function cancelBooking(id: number, slotId: number): Promise<void> {
  return unwrap(apiClient.DELETE('/bijeenkomsten/{id}/tijdsloten/{slotId}/boeking', { params: { path: { id, slotId } } }));
}

export const myMeetingsQuery = queryOptions({
  queryKey: meetingKeys.mine,
  queryFn: ({ signal }): Promise<MyMeetings> => unwrap(apiClient.GET('/mijn-bijeenkomsten', { signal })),
  staleTime: 0,
});

export const feedQuery = queryOptions({
  queryKey: meetingKeys.feed,
  queryFn: ({ signal }): Promise<CalendarFeed> => unwrap(apiClient.GET('/mijn-kalender', { signal })),
});

/** A new secret address; the old one stops working at once. */
export function renewFeed(): Promise<CalendarFeed> {
  return unwrap(apiClient.POST('/mijn-kalender', {}));
}

export async function removeFeed(): Promise<void> {
  await unwrap(apiClient.DELETE('/mijn-kalender', {}));
}

export function lookUpRegistration(token: string): Promise<RegistrationByToken> {
  return unwrap(apiClient.POST('/aanmelding-opzoeken', { body: { token } }));
}

export async function cancelByToken(token: string): Promise<void> {
  await unwrap(apiClient.POST('/aanmelding-annuleren', { body: { token } }));
}

export function lookUpRating(token: string): Promise<MeetingRating> {
  return unwrap(apiClient.POST('/bijeenkomstbeoordeling/opzoeken', { body: { token } }));
}

/** Records a score by the mail's link: only ever a PUT from the page, never by opening it. */
export function rateMeeting(token: string, score: number, toelichting: string | null): Promise<MeetingRating> {
  return unwrap(apiClient.PUT('/bijeenkomstbeoordeling', { body: { token, score, toelichting } }));
}
