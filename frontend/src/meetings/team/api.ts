import { keepPreviousData, useQuery, type QueryClient } from '@tanstack/react-query';

import { unwrap } from '../../api/call';
import { apiClient } from '../../api/client';
import { meetingKeys } from '../api';
import { storeAnswer } from '../../app/queryClient';
import type {
  Attendance,
  CheckInList,
  Effect,
  HistoryItem,
  InvitationPreview,
  InvitationResult,
  InviteCriterion,
  Material,
  MeetingCreate,
  MeetingDetail,
  MeetingEvaluation,
  MeetingQuestion,
  MeetingUpdate,
  Reach,
  RegistrationList,
  SlotList,
  SlotsCreate,
} from './types';

interface Init {
  params?: {
    path?: Record<string, number | string>;
    query?: Record<string, string | number | boolean | undefined>;
    header?: Record<string, string>;
  };
  body?: unknown;
  signal?: AbortSignal | undefined;
  headers?: Record<string, string>;
  parseAs?: 'json' | 'blob';
}
interface Result {
  data?: unknown;
  error?: unknown;
  response: Response;
}
type Method = (path: string, init?: Init) => Promise<Result>;

// The same client (CSRF token, session refresh), untyped for the meetings' paths. until the client is regenerated
const client = apiClient as unknown as { GET: Method; POST: Method; PATCH: Method; PUT: Method; DELETE: Method };

const call = <T>(result: Promise<Result>) => unwrap(result) as Promise<T>;

// A meeting's team data names people: every key starts with 'prive' (dropped at login and
// logout), under the meeting's own key so one invalidation refreshes them all.
export const teamKeys = {
  part: (id: number, part: string) => ['prive', 'bijeenkomsten', id, part] as const,
  reach: (query: ReachQuery) => ['prive', 'bijeenkomsten', 'bereik', query] as const,
};

/** The ETag of a meeting is its version (`"v3"`); a change sends it back in If-Match. */
export function etagOf(version: number): string {
  return `"v${version}"`;
}

const byId = (id: number) => ({ path: { id } });

export function createMeeting(body: MeetingCreate): Promise<MeetingDetail> {
  return call(client.POST('/bijeenkomsten', { body }));
}

/** 412 when someone changed the meeting after `version` was read. */
export function updateMeeting(id: number, version: number, body: MeetingUpdate): Promise<MeetingDetail> {
  return call(client.PATCH('/bijeenkomsten/{id}', { params: { ...byId(id), header: { 'If-Match': etagOf(version) } }, body }));
}

export function cancelMeeting(id: number, version: number, reden: string): Promise<MeetingDetail> {
  return call(
    client.POST('/bijeenkomsten/{id}/annulering', {
      params: { ...byId(id), header: { 'If-Match': etagOf(version) } },
      body: { reden },
    }),
  );
}

/** After any change of a meeting: its own data, the agenda and the lists that show it. */
export async function refreshMeeting(queryClient: QueryClient, saved?: MeetingDetail) {
  if (saved) await storeAnswer(queryClient, meetingKeys.detail(saved.id, true), saved);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: meetingKeys.private }),
    queryClient.invalidateQueries({ queryKey: ['bijeenkomsten'] }),
  ]);
}

function usePart<T>(id: number, part: string, path: string, enabled = true) {
  return useQuery({
    queryKey: teamKeys.part(id, part),
    queryFn: ({ signal }) => call<T>(client.GET(path, { params: byId(id), signal })),
    enabled,
    staleTime: 0,
  });
}

/** The steps as the shared history section reads them: `door` is already a name. */
export function useMeetingHistory(id: number) {
  return useQuery({
    queryKey: teamKeys.part(id, 'geschiedenis'),
    queryFn: ({ signal }) => call<HistoryItem[]>(client.GET('/bijeenkomsten/{id}/geschiedenis', { params: byId(id), signal })),
    select: (steps) => steps.map((step) => ({ ...step, doorNaam: step.door })),
    staleTime: 0,
  });
}
export const useCheckInList = (id: number) => usePart<CheckInList>(id, 'presentielijst', '/bijeenkomsten/{id}/presentielijst');
// Not 'tijdsloten': that key holds the contacts' view of the same slots.
export const useSlotList = (id: number, enabled: boolean) =>
  usePart<SlotList>(id, 'tijdslotlijst', '/bijeenkomsten/{id}/tijdsloten', enabled);
export const useMaterials = (id: number) => usePart<{ materialen: Material[] }>(id, 'materialen', '/bijeenkomsten/{id}/materialen');
export const useMeetingQuestions = (id: number) =>
  usePart<{ vragen: MeetingQuestion[] }>(id, 'vragen', '/bijeenkomsten/{id}/vragen');
export const useMeetingEffect = (id: number, enabled: boolean) =>
  usePart<Effect>(id, 'effect', '/bijeenkomsten/{id}/effect', enabled);

export const useMeetingEvaluation = (id: number, enabled: boolean) =>
  usePart<MeetingEvaluation>(id, 'evaluatie', '/bijeenkomsten/{id}/evaluatie', enabled);

export function saveAttendance(id: number, entries: { aanmelding: number; status: Attendance }[]): Promise<RegistrationList> {
  return call(client.PUT('/bijeenkomsten/{id}/aanwezigheid', { params: byId(id), body: { aanwezigheid: entries } }));
}

/** 409 when a slot is booked already. */
export function makeSlots(id: number, body: SlotsCreate): Promise<SlotList> {
  return call(client.POST('/bijeenkomsten/{id}/tijdsloten', { params: byId(id), body }));
}

export function addMaterial(id: number, product: number): Promise<Material> {
  return call(client.POST('/bijeenkomsten/{id}/materialen', { params: byId(id), body: { product } }));
}

export function removeMaterial(id: number, productId: number): Promise<void> {
  return call(client.DELETE('/bijeenkomsten/{id}/materialen/{productId}', { params: { path: { id, productId } } }));
}

export function sendMaterials(id: number): Promise<{ verstuurd: number }> {
  return call(client.POST('/bijeenkomsten/{id}/materialen/versturen', { params: byId(id) }));
}

export function linkQuestion(id: number, vraag: number): Promise<MeetingQuestion> {
  return call(client.POST('/bijeenkomsten/{id}/vragen', { params: byId(id), body: { vraag } }));
}

export function unlinkQuestion(id: number, vraagId: number): Promise<void> {
  return call(client.DELETE('/bijeenkomsten/{id}/vragen/{vraagId}', { params: { path: { id, vraagId } } }));
}

export function fetchInvitePreview(id: number, criterium: InviteCriterion, signal?: AbortSignal): Promise<InvitationPreview> {
  return call(client.GET('/bijeenkomsten/{id}/uitnodigingen/voorbeeld', { params: { ...byId(id), query: { criterium } }, signal }));
}

/** Once per person: who was invited before is not again. */
export function sendInvitations(id: number, criterium: InviteCriterion): Promise<InvitationResult> {
  return call(client.POST('/bijeenkomsten/{id}/uitnodigingen', { params: byId(id), body: { criterium } }));
}

/** Published products of a kind (presentatie or opname) whose text holds `zoek`, for the materials. */
export async function findProducts(zoek: string, soort: 'presentatie' | 'opname', signal?: AbortSignal) {
  const page = await unwrap(apiClient.GET('/producten', { params: { query: { zoek, soort, paginaGrootte: 10 } }, signal }));
  return page.resultaten;
}

/** One question by its number, to show it before linking it to the meeting. */
export function fetchQuestion(id: number, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/vragen/{id}', { params: { path: { id } }, signal }));
}

export interface ReachQuery {
  van?: string;
  tot?: string;
}

export function useReach(query: ReachQuery) {
  return useQuery({
    queryKey: teamKeys.reach(query),
    queryFn: ({ signal }) => call<Reach>(client.GET('/bijeenkomsten/bereik', { params: { query: { ...query } }, signal })),
    placeholderData: keepPreviousData,
    staleTime: 30 * 1000,
  });
}

/** The reach as CSV: the API answers CSV to Accept: text/csv, so the file is fetched, not linked. */
export function fetchReachCsv(query: ReachQuery): Promise<Blob> {
  return call<Blob>(
    client.GET('/bijeenkomsten/bereik', { params: { query: { ...query } }, headers: { Accept: 'text/csv' }, parseAs: 'blob' }),
  );
}
