import type { components } from './schema';

export type Problem = components['schemas']['Problem'];
export type InvalidParam = components['schemas']['InvalidParamModel'];

export interface ApiErrorExtras {
  /** Machine-readable reason some answers carry, e.g. "tweede_factor_nodig". */
  code?: string;
  /** Every invalid field or parameter (400), to show next to the fields. */
  invalidParams?: InvalidParam[];
  /** Seconds to wait, from Retry-After (429). */
  retryAfter?: number;
  /** The problem's other members, e.g. `huidigeStatus` and `mogelijk` of a refused status change. */
  extensions?: Record<string, unknown>;
}

/** A failed API call, carrying the RFC 9457 problem the server sent (or one made up for it). */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly code: string | undefined;
  readonly invalidParams: InvalidParam[];
  readonly retryAfter: number | undefined;
  readonly extensions: Record<string, unknown>;

  constructor(status: number, title: string, detail?: string, extras: ApiErrorExtras = {}) {
    super(detail ? `${title}: ${detail}` : title);
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.code = extras.code;
    this.invalidParams = extras.invalidParams ?? [];
    this.retryAfter = extras.retryAfter;
    this.extensions = extras.extensions ?? {};
  }
}

type ProblemBody = Pick<Problem, 'title'> & Partial<Problem> & { code?: unknown };

const STANDARD_MEMBERS = new Set(['type', 'title', 'status', 'detail', 'instance', 'invalidParams', 'code']);

/** The members of a problem beyond RFC 9457's and our own `invalidParams` and `code`. */
function extensionsOf(body: ProblemBody): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([key]) => !STANDARD_MEMBERS.has(key)));
}

function isProblem(body: unknown): body is ProblemBody {
  return typeof body === 'object' && body !== null && typeof (body as Problem).title === 'string';
}

function isInvalidParam(value: unknown): value is InvalidParam {
  const param = value as InvalidParam;
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof param.name === 'string' &&
    typeof param.reason === 'string'
  );
}

function retryAfterSeconds(response: Response): number | undefined {
  const header = response.headers.get('Retry-After');
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** The problem's `code` member, if the body is a problem that has one. */
export function problemCode(body: unknown): string | undefined {
  return isProblem(body) && typeof body.code === 'string' ? body.code : undefined;
}

/** Turns the error body openapi-fetch hands back into an ApiError. */
export function toApiError(body: unknown, response: Response): ApiError {
  const retryAfter = retryAfterSeconds(response);
  if (isProblem(body)) {
    const invalidParams = Array.isArray(body.invalidParams)
      ? body.invalidParams.filter(isInvalidParam)
      : undefined;
    return new ApiError(body.status ?? response.status, body.title, body.detail, {
      code: problemCode(body),
      invalidParams,
      retryAfter,
      extensions: extensionsOf(body),
    });
  }
  // A proxy or a crashed worker may answer without problem+json; still tell the user something.
  return new ApiError(
    response.status,
    'De server gaf een onverwacht antwoord',
    `HTTP-status ${response.status}. Probeer het later opnieuw.`,
    { retryAfter },
  );
}

/** Someone else saved the resource after it was read: the server refused the If-Match with 412. */
export function isConflict(error: unknown): boolean {
  return error instanceof ApiError && error.status === 412;
}
