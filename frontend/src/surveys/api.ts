import { queryOptions } from '@tanstack/react-query';
import type { Client } from 'openapi-fetch';

import { unwrap } from '../api/call';
import { apiClient } from '../api/client';

// until the client is regenerated: the shapes of the survey's endpoints (api/surveys/schemas.py).
export type AnswerKind = 'schaal' | 'open';
export type Touchpoint = 'ondersteuning' | 'producten' | 'bijeenkomsten' | 'antwoorden' | 'overig';
export type RoundStatus = 'concept' | 'open' | 'gesloten';
export type Grouping = 'provincie' | 'arbeidsmarktregio';

export interface CodeName {
  code: string;
  naam: string;
}

export interface SurveyQuestion {
  id: number;
  tekst: string;
  soort: AnswerKind;
  contactpunt: Touchpoint;
  positie: number;
  actief: boolean;
}

export interface QuestionCreate {
  tekst: string;
  soort: AnswerKind;
  contactpunt: Touchpoint;
  positie?: number;
  actief?: boolean;
}

export interface QuestionUpdate {
  tekst?: string;
  contactpunt?: Touchpoint;
  positie?: number;
  actief?: boolean;
}

export interface Round {
  id: number;
  titel: string;
  periode: string;
  openOp: string;
  sluitOp: string;
  herinnerNaDagen: number;
  status: RoundStatus;
  verzondenOp: string | null;
  uitgenodigd: number;
  beantwoord: number;
  respons: number | null;
}

export interface RoundDetail extends Round {
  vragen: SurveyQuestion[];
}

export interface RoundCreate {
  titel: string;
  periode: string;
  openOp: string;
  sluitOp: string;
  herinnerNaDagen: number;
}

export interface InviteePreview {
  aantal: number;
  alUitgenodigd: number;
  genodigden: { naam: string; gemeente: CodeName; aantalGemeenten: number }[];
}

export interface SendResult {
  uitgenodigd: number;
  alUitgenodigd: number;
}

export interface Figure {
  sleutel: string | null;
  naam: string | null;
  respondenten: number | null;
  gemiddelde: number | null;
  teWeinigAntwoorden: boolean;
}

export interface QuestionResult {
  vraag: SurveyQuestion;
  totaal: Figure | null;
  groepen: Figure[];
  openAntwoorden: string[];
  nietGetoond: number;
}

export interface MunicipalityResult {
  gemeente: CodeName;
  uitgenodigd: number;
  beantwoord: number;
  antwoorden: { vraag: number; score: number | null; tekst: string | null; tekstNietGetoond: boolean }[];
}

export interface RoundResults {
  ronde: Round;
  minimaleGroep: number;
  groepering: Grouping;
  vragen: QuestionResult[];
  gemeenten: MunicipalityResult[];
}

export interface AnswerGiven {
  vraag: number;
  score?: number;
  tekst?: string;
}

export interface SurveyForm {
  ronde: { id: number; titel: string; periode: string; sluitOp: string; status: RoundStatus };
  gemeente: CodeName;
  vragen: { id: number; tekst: string; soort: AnswerKind }[];
  antwoorden: { vraag: number; score: number | null; tekst: string | null }[];
  beantwoordOp: string | null;
  wijzigbaar: boolean;
  maximaleLengte: number;
}

export interface MyRound {
  ronde: SurveyForm['ronde'];
  beantwoordOp: string | null;
  wijzigbaar: boolean;
}

type NoParams = { query?: never; header?: never; path?: never; cookie?: never };
interface Json<T> {
  headers: Record<string, unknown>;
  content: { 'application/json': T };
}
interface Op<P, B, R> {
  parameters: P & { cookie?: never };
  requestBody: B extends never ? never : { content: { 'application/json': B } };
  responses: { 200: Json<R>; 201: Json<R> };
}
type Get<P, R> = Omit<Op<P, never, R>, 'requestBody'> & { requestBody?: never };
type Plain = { query?: never; path?: never; header?: never };
type ById = { path: { id: number }; query?: never; header?: never };

// until the client is regenerated
interface SurveyPaths {
  '/peilingvragen': {
    parameters: NoParams;
    get: Get<Plain, { resultaten: SurveyQuestion[] }>;
    post: Op<Plain, QuestionCreate, SurveyQuestion>;
  };
  '/peilingvragen/{id}': { parameters: NoParams; patch: Op<ById, QuestionUpdate, SurveyQuestion> };
  '/peilingrondes': {
    parameters: NoParams;
    get: Get<Plain, { resultaten: Round[] }>;
    post: Op<Plain, RoundCreate, RoundDetail>;
  };
  '/peilingrondes/{id}': { parameters: NoParams; get: Get<ById, RoundDetail> };
  '/peilingrondes/{id}/genodigden': { parameters: NoParams; get: Get<ById, InviteePreview> };
  '/peilingrondes/{id}/verzending': {
    parameters: NoParams;
    post: Omit<Op<ById, never, SendResult>, 'requestBody'> & { requestBody?: never };
  };
  '/peilingrondes/{id}/resultaten': {
    parameters: NoParams;
    get: Get<{ path: { id: number }; query: { groepering: Grouping }; header?: never }, RoundResults>;
  };
  '/mijn-peilingen': { parameters: NoParams; get: Get<Plain, { resultaten: MyRound[] }> };
  '/mijn-peilingen/{id}': { parameters: NoParams; get: Get<ById, SurveyForm> };
  '/mijn-peilingen/{id}/antwoorden': { parameters: NoParams; put: Op<ById, { antwoorden: AnswerGiven[] }, SurveyForm> };
  '/peiling-via-link': { parameters: NoParams; post: Op<Plain, { token: string }, SurveyForm> };
  '/peiling-via-link/antwoorden': {
    parameters: NoParams;
    put: Op<Plain, { token: string; antwoorden: AnswerGiven[] }, SurveyForm>;
  };
}

// The same client (CSRF token, session refresh), typed for the paths above. until the client is regenerated
const client = apiClient as unknown as Client<SurveyPaths>;

// Everything of the survey but the link's form is private to the person signed in ('prive' keys
// are dropped at login and logout); the link's form belongs to whoever holds the link.
export const surveyKeys = {
  all: ['prive', 'peiling'] as const,
  questions: ['prive', 'peiling', 'vragen'] as const,
  rounds: ['prive', 'peiling', 'rondes'] as const,
  round: (id: number) => ['prive', 'peiling', 'rondes', id] as const,
  invitees: (id: number) => ['prive', 'peiling', 'rondes', id, 'genodigden'] as const,
  results: (id: number, grouping: Grouping) => ['prive', 'peiling', 'rondes', id, 'resultaten', grouping] as const,
  mine: ['prive', 'peiling', 'mijn'] as const,
  myForm: (id: number) => ['prive', 'peiling', 'mijn', id] as const,
  byLink: (token: string) => ['peiling-via-link', token] as const,
};

export const questionsQuery = queryOptions({
  queryKey: surveyKeys.questions,
  queryFn: async ({ signal }) => (await unwrap(client.GET('/peilingvragen', { signal }))).resultaten,
});

export function addQuestion(body: QuestionCreate): Promise<SurveyQuestion> {
  return unwrap(client.POST('/peilingvragen', { body }));
}

export function changeQuestion(id: number, body: QuestionUpdate): Promise<SurveyQuestion> {
  return unwrap(client.PATCH('/peilingvragen/{id}', { params: { path: { id } }, body }));
}

export const roundsQuery = queryOptions({
  queryKey: surveyKeys.rounds,
  queryFn: async ({ signal }) => (await unwrap(client.GET('/peilingrondes', { signal }))).resultaten,
});

export function roundQuery(id: number) {
  return queryOptions({
    queryKey: surveyKeys.round(id),
    queryFn: ({ signal }) => unwrap(client.GET('/peilingrondes/{id}', { params: { path: { id } }, signal })),
  });
}

export function createRound(body: RoundCreate): Promise<RoundDetail> {
  return unwrap(client.POST('/peilingrondes', { body }));
}

export function fetchInvitees(id: number, signal?: AbortSignal): Promise<InviteePreview> {
  return unwrap(client.GET('/peilingrondes/{id}/genodigden', { params: { path: { id } }, signal }));
}

export function sendRound(id: number): Promise<SendResult> {
  return unwrap(client.POST('/peilingrondes/{id}/verzending', { params: { path: { id } } }));
}

export function resultsQuery(id: number, groepering: Grouping) {
  return queryOptions({
    queryKey: surveyKeys.results(id, groepering),
    queryFn: ({ signal }) =>
      unwrap(client.GET('/peilingrondes/{id}/resultaten', { params: { path: { id }, query: { groepering } }, signal })),
  });
}

export const myRoundsQuery = queryOptions({
  queryKey: surveyKeys.mine,
  queryFn: async ({ signal }) => (await unwrap(client.GET('/mijn-peilingen', { signal }))).resultaten,
});

export function myFormQuery(id: number) {
  return queryOptions({
    queryKey: surveyKeys.myForm(id),
    queryFn: ({ signal }) => unwrap(client.GET('/mijn-peilingen/{id}', { params: { path: { id } }, signal })),
  });
}

export function answerMine(id: number, antwoorden: AnswerGiven[]): Promise<SurveyForm> {
  return unwrap(client.PUT('/mijn-peilingen/{id}/antwoorden', { params: { path: { id } }, body: { antwoorden } }));
}

/** The form behind the mail's link; the token goes in the body, never in an address. */
export function fetchFormByLink(token: string, signal?: AbortSignal): Promise<SurveyForm> {
  return unwrap(client.POST('/peiling-via-link', { body: { token }, signal }));
}

export function answerByLink(token: string, antwoorden: AnswerGiven[]): Promise<SurveyForm> {
  return unwrap(client.PUT('/peiling-via-link/antwoorden', { body: { token, antwoorden } }));
}
