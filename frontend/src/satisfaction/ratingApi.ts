import type { Client } from 'openapi-fetch';

import { unwrap } from '../api/call';
import { apiClient } from '../api/client';

// until the client is regenerated: the shapes of the rating endpoints, as the API describes them.
export interface AnswerRating {
  vraagId: number;
  onderwerp: string;
  score: number | null;
  toelichting: string | null;
  toelichtingAfgeschermd: boolean;
  wijzigbaarTot: string;
  wijzigbaar: boolean;
  beoordeeldOp: string | null;
  gewijzigdOp: string | null;
}

export interface AnswerRatingWrite {
  score: number;
  toelichting?: string | null;
}

interface Answer<T> {
  headers: Record<string, unknown>;
  content: { 'application/json': T };
}

interface Operation<Parameters, Body> {
  parameters: Parameters & { header?: never; cookie?: never };
  requestBody: Body extends never ? never : { content: { 'application/json': Body } };
  responses: { 200: Answer<AnswerRating> };
}

type ByToken = { query: { token: string }; path?: never };
type ByQuestion = { path: { id: number }; query?: never };

// until the client is regenerated
interface RatingPaths {
  '/antwoordbeoordeling': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: Omit<Operation<ByToken, never>, 'requestBody'> & { requestBody?: never };
    put: Operation<ByToken, AnswerRatingWrite>;
  };
  '/vragen/{id}/beoordeling': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: Omit<Operation<ByQuestion, never>, 'requestBody'> & { requestBody?: never };
    put: Operation<ByQuestion, AnswerRatingWrite>;
  };
}

// The same client (CSRF token, session refresh), typed for the paths above until the
// generated schema has them. until the client is regenerated
const client = apiClient as unknown as Client<RatingPaths>;

/** What a score means, in the words of the mail. */
export const SCORE_LABELS: Record<number, string> = {
  1: 'niet nuttig',
  2: 'weinig nuttig',
  3: 'redelijk nuttig',
  4: 'nuttig',
  5: 'zeer nuttig',
};

export const MAX_COMMENT = 1000;

// A rating by link belongs to whoever holds the link; a question's rating is private data.
export const ratingKeys = {
  byToken: (token: string) => ['antwoordbeoordeling', token] as const,
  ofQuestion: (id: number) => ['prive', 'vragen', id, 'beoordeling'] as const,
};

export function fetchRatingByToken(token: string, signal?: AbortSignal): Promise<AnswerRating> {
  return unwrap(client.GET('/antwoordbeoordeling', { params: { query: { token } }, signal }));
}

/** Records a score by the mail's link: only ever a PUT from the page, never by opening it. */
export function rateByToken(token: string, body: AnswerRatingWrite): Promise<AnswerRating> {
  return unwrap(client.PUT('/antwoordbeoordeling', { params: { query: { token } }, body }));
}

export function fetchRatingOfQuestion(id: number, signal?: AbortSignal): Promise<AnswerRating> {
  return unwrap(client.GET('/vragen/{id}/beoordeling', { params: { path: { id } }, signal }));
}

export function rateQuestion(id: number, body: AnswerRatingWrite): Promise<AnswerRating> {
  return unwrap(client.PUT('/vragen/{id}/beoordeling', { params: { path: { id } }, body }));
}
