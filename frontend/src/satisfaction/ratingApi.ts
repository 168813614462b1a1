import { unwrap } from '../api/call';
import { apiClient } from '../api/client';
import type { components } from '../api/schema';

export type AnswerRating = components['schemas']['AnswerRatingRead'];
export type AnswerRatingWrite = components['schemas']['AnswerRatingWrite'];

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
  return unwrap(apiClient.GET('/antwoordbeoordeling', { params: { query: { token } }, signal }));
}

/** Records a score by the mail's link: only ever a PUT from the page, never by opening it. */
export function rateByToken(token: string, body: AnswerRatingWrite): Promise<AnswerRating> {
  return unwrap(apiClient.PUT('/antwoordbeoordeling', { params: { query: { token } }, body }));
}

export function fetchRatingOfQuestion(id: number, signal?: AbortSignal): Promise<AnswerRating> {
  return unwrap(apiClient.GET('/vragen/{id}/beoordeling', { params: { path: { id } }, signal }));
}

export function rateQuestion(id: number, body: AnswerRatingWrite): Promise<AnswerRating> {
  return unwrap(apiClient.PUT('/vragen/{id}/beoordeling', { params: { path: { id } }, body }));
}
