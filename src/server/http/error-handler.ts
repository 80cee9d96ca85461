import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { fieldErrorOf, valueAt } from '../../domain';
import { pgErrorCode } from './db-errors';
import { type FieldErrors, HttpError } from './errors';

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * Input the database itself refused, which a route did not foresee: a reference to a row that does
 * not exist (foreign key), a value out of a column's range. The caller's mistake, not a server error.
 */
function databaseRefusal(error: unknown): { status: number; body: object } | undefined {
  const code = pgErrorCode(error);
  if (code === '23503') {
    // "Key (unit_id)=(999) is not present in table "units"."
    const detail = String(
      (error as { detail?: unknown }).detail ??
        (error as { cause?: { detail?: unknown } }).cause?.detail ??
        '',
    );
    const column = /Key \(([a-z_]+)\)/.exec(detail)?.[1];
    return {
      status: 422,
      body: {
        message: 'A referenced record does not exist',
        code: 'unknown_reference',
        ...(column ? { errors: { [camel(column)]: { code: 'unknown_reference' } } } : {}),
      },
    };
  }
  // Numeric or date/time value out of range, invalid text representation, bytes not storable as text.
  if (code === '22003' || code === '22008' || code === '22007' || code === '22P02' || code === '22021')
    return { status: 400, body: { message: 'A value is out of range or malformed', code: 'invalid_input' } };
  return undefined;
}

/**
 * Every failure leaves as `{ message, code, params?, errors? }` with `errors.<field> = { code, params? }`;
 * never a stack trace. `message` is English for logs and API clients, the codes are for the SPA.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpError) {
      return reply.code(error.statusCode).send({
        message: error.message,
        code: error.code,
        ...(error.params ? { params: error.params } : {}),
        ...(error.errors ? { errors: error.errors } : {}),
        ...(error.details ?? {}),
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors: FieldErrors = {};
      const english: string[] = [];
      const context = error.validationContext ?? 'body';
      const input: unknown =
        context === 'querystring' ? request.query : context === 'params' ? request.params : request.body;
      for (const issue of error.validation) {
        const path = issue.instancePath.split('/').filter(Boolean);
        const params = issue.params as Record<string, unknown>;
        const keys = params.keys;
        if (issue.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
          for (const key of keys) {
            errors[[...path, String(key)].join('.')] = { code: 'not_a_known_field' };
            english.push(`${[...path, String(key)].join('.')}: is not a known field`);
          }
          continue;
        }
        const field = path.join('.') || context;
        if (errors[field]) continue;
        errors[field] = fieldErrorOf(
          { ...params, code: issue.keyword, message: issue.message },
          valueAt(input, path),
        );
        english.push(`${field}: ${issue.message ?? 'is invalid'}`);
      }
      return reply.code(400).send({
        message: `Invalid ${context} — ${english.join('; ')}`,
        code: 'invalid_input',
        errors,
      });
    }
    if (isResponseSerializationError(error)) {
      request.log.error(error, 'response did not match its schema');
      return reply.code(500).send({ message: 'Internal server error', code: 'internal' });
    }
    const status = error.statusCode ?? 500;
    if (status === 413)
      return reply.code(413).send({ message: 'Request body is too large', code: 'body_too_large' });
    if (status === 429) return reply.code(429).send({ message: error.message, code: 'rate_limited' });
    if (status === 415)
      return reply
        .code(415)
        .send({ message: 'Content-Type must be application/json', code: 'unsupported_media_type' });
    if (status >= 400 && status < 500) {
      const invalidJson = error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError;
      return reply.code(status).send({
        message: invalidJson ? 'Request body is not valid JSON' : error.message,
        code: invalidJson ? 'invalid_json' : 'bad_request',
        ...(invalidJson ? { errors: { body: { code: 'not_json' } } } : {}),
      });
    }
    const db = databaseRefusal(error);
    if (db) return reply.code(db.status).send(db.body);
    request.log.error(error, 'request failed');
    return reply.code(500).send({ message: 'Internal server error', code: 'internal' });
  });
}
