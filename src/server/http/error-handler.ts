import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { HttpError } from './errors';

/** Every failure leaves as `{ message, code, errors? }`; never a stack trace. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpError) {
      return reply.code(error.statusCode).send({
        message: error.message,
        code: error.code,
        ...(error.errors ? { errors: error.errors } : {}),
        ...(error.details ?? {}),
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors: Record<string, string> = {};
      for (const issue of error.validation) {
        const path = issue.instancePath.split('/').filter(Boolean);
        const keys = (issue.params as { keys?: unknown }).keys;
        if (issue.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
          for (const key of keys) errors[[...path, String(key)].join('.')] = 'is not a known field';
          continue;
        }
        errors[path.join('.') || error.validationContext || 'body'] = issue.message ?? 'is invalid';
      }
      const message = Object.entries(errors)
        .map(([f, m]) => `${f}: ${m}`)
        .join('; ');
      return reply.code(400).send({
        message: `Invalid ${error.validationContext ?? 'input'} — ${message}`,
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
        ...(invalidJson ? { errors: { body: 'is not valid JSON' } } : {}),
      });
    }
    request.log.error(error);
    return reply.code(500).send({ message: 'Internal server error', code: 'internal' });
  });
}
