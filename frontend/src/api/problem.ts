import type { components } from './schema';

export type Problem = components['schemas']['Problem'];

/** A failed API call, carrying the RFC 9457 problem the server sent (or one made up for it). */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;

  constructor(status: number, title: string, detail?: string) {
    super(detail ? `${title}: ${detail}` : title);
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
    this.detail = detail;
  }
}

function isProblem(body: unknown): body is Pick<Problem, 'title'> & Partial<Problem> {
  return typeof body === 'object' && body !== null && typeof (body as Problem).title === 'string';
}

/** Turns the error body openapi-fetch hands back into an ApiError. */
export function toApiError(body: unknown, response: Response): ApiError {
  if (isProblem(body)) {
    return new ApiError(body.status ?? response.status, body.title, body.detail);
  }
  // A proxy or a crashed worker may answer without problem+json; still tell the user something.
  return new ApiError(
    response.status,
    'De server gaf een onverwacht antwoord',
    `HTTP-status ${response.status}. Probeer het later opnieuw.`,
  );
}
