import { queryOptions } from '@tanstack/react-query';

import { unwrap } from '../api/call';
import { apiClient } from '../api/client';
import type { components } from '../api/schema';

type Schemas = components['schemas'];
export type AnswerKind = Schemas['AnswerKind'];
export type Touchpoint = Schemas['Touchpoint'];
export type RoundStatus = Schemas['RoundStatus'];
export type Grouping = Schemas['Grouping'];
export type CodeName = Schemas['CodeName'];
export type SurveyQuestion = Schemas['SurveyQuestionRead'];
export type QuestionCreate = Schemas['SurveyQuestionCreate'];
export type QuestionUpdate = Schemas['SurveyQuestionUpdate'];
export type Round = Schemas['RoundRead'];
export type RoundDetail = Schemas['RoundDetail'];
export type RoundCreate = Schemas['RoundCreate'];
export type InviteePreview = Schemas['InviteePreview'];
export type SendResult = Schemas['SendResult'];
export type Figure = Schemas['FigureRead'];
export type QuestionResult = Schemas['QuestionResultRead'];
export type MunicipalityResult = Schemas['MunicipalityResultRead'];
export type RoundResults = Schemas['RoundResults'];
export type AnswerGiven = Schemas['AnswerGiven'];
export type SurveyForm = Schemas['FormRead'];
export type MyRound = Schemas['MyRound'];

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
  queryFn: async ({ signal }) => (await unwrap(apiClient.GET('/peilingvragen', { signal }))).resultaten,
});

export function addQuestion(body: QuestionCreate): Promise<SurveyQuestion> {
  return unwrap(apiClient.POST('/peilingvragen', { body }));
}

export function changeQuestion(id: number, body: QuestionUpdate): Promise<SurveyQuestion> {
  return unwrap(apiClient.PATCH('/peilingvragen/{id}', { params: { path: { id } }, body }));
}

export const roundsQuery = queryOptions({
  queryKey: surveyKeys.rounds,
  queryFn: async ({ signal }) => (await unwrap(apiClient.GET('/peilingrondes', { signal }))).resultaten,
});

export function roundQuery(id: number) {
  return queryOptions({
    queryKey: surveyKeys.round(id),
    queryFn: ({ signal }) => unwrap(apiClient.GET('/peilingrondes/{id}', { params: { path: { id } }, signal })),
  });
}

export function createRound(body: RoundCreate): Promise<RoundDetail> {
  return unwrap(apiClient.POST('/peilingrondes', { body }));
}

export function fetchInvitees(id: number, signal?: AbortSignal): Promise<InviteePreview> {
  return unwrap(apiClient.GET('/peilingrondes/{id}/genodigden', { params: { path: { id } }, signal }));
}

export function sendRound(id: number): Promise<SendResult> {
  return unwrap(apiClient.POST('/peilingrondes/{id}/verzending', { params: { path: { id } } }));
}

export function resultsQuery(id: number, groepering: Grouping) {
  return queryOptions({
    queryKey: surveyKeys.results(id, groepering),
    queryFn: ({ signal }) =>
      unwrap(apiClient.GET('/peilingrondes/{id}/resultaten', { params: { path: { id }, query: { groepering } }, signal })),
  });
}

export const myRoundsQuery = queryOptions({
  queryKey: surveyKeys.mine,
  queryFn: async ({ signal }) => (await unwrap(apiClient.GET('/mijn-peilingen', { signal }))).resultaten,
});

export function myFormQuery(id: number) {
  return queryOptions({
    queryKey: surveyKeys.myForm(id),
    queryFn: ({ signal }) => unwrap(apiClient.GET('/mijn-peilingen/{id}', { params: { path: { id } }, signal })),
  });
}

export function answerMine(id: number, antwoorden: AnswerGiven[]): Promise<SurveyForm> {
  return unwrap(apiClient.PUT('/mijn-peilingen/{id}/antwoorden', { params: { path: { id } }, body: { antwoorden } }));
}

/** The form behind the mail's link; the token goes in the body, never in an address. */
export function fetchFormByLink(token: string, signal?: AbortSignal): Promise<SurveyForm> {
  return unwrap(apiClient.POST('/peiling-via-link', { body: { token }, signal }));
}

export function answerByLink(token: string, antwoorden: AnswerGiven[]): Promise<SurveyForm> {
  return unwrap(apiClient.PUT('/peiling-via-link/antwoorden', { body: { token, antwoorden } }));
}
