import type { FieldError } from '../../domain';

export type FieldErrors = Record<string, FieldError>;
export type Params = Record<string, string | number>;

/**
 * An error the API answers with `{ message, code, params?, errors? }`: `message` is English for logs
 * and API clients; `code`, `params` and each field's `{ code, params }` are what the SPA words.
 */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly errors?: FieldErrors,
    /** Extra structured detail for the client, e.g. the row errors of a rejected import. */
    readonly details?: Record<string, unknown>,
    readonly params?: Params,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, errors?: FieldErrors, code = 'invalid_input') =>
  new HttpError(400, code, message, errors);
export const forbidden = (message = 'You are not allowed to do this', code = 'forbidden') =>
  new HttpError(403, code, message);
export const notFound = (what: string) => new HttpError(404, 'not_found', `${what} not found`);
export const conflict = (code: string, message: string, params?: Params) =>
  new HttpError(409, code, message, undefined, undefined, params);
export const staleVersion = () =>
  conflict('stale_version', 'The record was changed by someone else; reload it and try again');
export const unprocessable = (
  code: string,
  message: string,
  errors?: FieldErrors,
  details?: Record<string, unknown>,
  params?: Params,
) => new HttpError(422, code, message, errors, details, params);

/** 400 naming every field that failed a cross-field rule, if any did. */
export function assertNoProblems(problems: FieldErrors): void {
  const fields = Object.keys(problems);
  if (fields.length === 0) return;
  throw badRequest(fields.map((f) => `${f}: ${problems[f].code}`).join('; '), problems);
}
