/** An error the API answers with `{ message, code, errors? }`; `code` is the key the SPA translates. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly errors?: Record<string, string>,
    /** Extra structured detail for the client, e.g. the row errors of a rejected import. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, errors?: Record<string, string>, code = 'invalid_input') =>
  new HttpError(400, code, message, errors);
export const forbidden = (message = 'You are not allowed to do this', code = 'forbidden') =>
  new HttpError(403, code, message);
export const notFound = (what: string) => new HttpError(404, 'not_found', `${what} not found`);
export const conflict = (code: string, message: string) => new HttpError(409, code, message);
export const staleVersion = () =>
  conflict('stale_version', 'The record was changed by someone else; reload it and try again');
export const unprocessable = (
  code: string,
  message: string,
  errors?: Record<string, string>,
  details?: Record<string, unknown>,
) => new HttpError(422, code, message, errors, details);

/** 400 naming every field that failed a cross-field rule, if any did. */
export function assertNoProblems(problems: Record<string, string>): void {
  const fields = Object.keys(problems);
  if (fields.length === 0) return;
  throw badRequest(fields.map((f) => `${f} ${problems[f]}`).join('; '), problems);
}
