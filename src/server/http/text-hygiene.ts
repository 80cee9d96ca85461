import type { FastifyInstance } from 'fastify';
import { badRequest, type FieldErrors } from './errors';

/**
 * Text PostgreSQL cannot store faithfully: a NUL byte is refused by the database (a 500 if it got
 * that far) and a lone UTF-16 surrogate is silently turned into U+FFFD by the driver — both are
 * refused up front, naming the field, before any handler sees the request.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const storable = (s: string) => !s.includes('\u0000') && !LONE_SURROGATE.test(s);

function collect(value: unknown, path: string[], errors: FieldErrors, depth = 0): void {
  if (depth > 32) return;
  if (typeof value === 'string') {
    if (!storable(value)) errors[path.join('.') || 'body'] = { code: 'invalid_characters' };
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) collect(v, [...path, String(i)], errors, depth + 1);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (!storable(k)) errors[[...path, '(key)'].join('.') || 'body'] = { code: 'invalid_characters' };
      collect(v, [...path, k], errors, depth + 1);
    }
  }
}

/** 400 naming every place in `value` that holds text the database cannot store. */
export function assertStorable(value: unknown, path: string[] = []): void {
  const errors: FieldErrors = {};
  collect(value, path, errors);
  const fields = Object.keys(errors);
  if (fields.length) throw badRequest(`Text that cannot be stored in: ${fields.join(', ')}`, errors);
}

export function installTextHygiene(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    assertStorable({ ...(request.params as object), ...(request.query as object) });
    assertStorable(request.body);
  });
}
