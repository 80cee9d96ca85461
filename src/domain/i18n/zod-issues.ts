import type { FieldError } from './field-errors';
import { isFieldErrorCode } from './field-errors';

/** The parts of a zod issue (or fastify-type-provider-zod's copy of one) the mapping needs. */
export interface IssueLike {
  code: string;
  message?: string;
  minimum?: unknown;
  maximum?: unknown;
  origin?: unknown;
  format?: unknown;
}

const bound = (n: unknown) => (typeof n === 'number' || typeof n === 'bigint' ? Number(n) : undefined);

/**
 * One zod issue as a field error code. Schemas in `src/domain` name their own code as the issue
 * message (`{ message: 'month_first_day' }`); zod's built-in checks map by kind. An absent value is
 * `required` whatever check failed on it.
 */
export function fieldErrorOf(issue: IssueLike, value: unknown): FieldError {
  if (value === undefined || value === null || value === '') return { code: 'required' };
  const min = bound(issue.minimum);
  const max = bound(issue.maximum);
  const own = issue.message && isFieldErrorCode(issue.message) ? issue.message : undefined;
  if (own === 'required' && typeof value === 'string' && value.trim() === '') return { code: 'required' };
  if (own && own !== 'too_long' && own !== 'too_short') return { code: own };
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string')
        return min === 1 ? { code: 'required' } : { code: 'too_short', params: { min: min ?? 0 } };
      if (issue.origin === 'array') return { code: 'too_few', params: { min: min ?? 0 } };
      return { code: 'too_small', params: { min: min ?? 0 } };
    case 'too_big':
      if (issue.origin === 'string') return { code: 'too_long', params: { max: max ?? 0 } };
      if (issue.origin === 'array') return { code: 'too_many', params: { max: max ?? 0 } };
      return { code: 'too_big', params: { max: max ?? 0 } };
    case 'invalid_format':
      return { code: 'invalid_format' };
    case 'invalid_value':
      return { code: 'invalid_choice' };
    case 'invalid_type':
      return issue.origin === 'number' || /int/.test(String(issue.format ?? ''))
        ? { code: 'not_integer' }
        : { code: 'invalid_type' };
    case 'unrecognized_keys':
      return { code: 'not_a_known_field' };
    default:
      return { code: own ?? 'invalid' };
  }
}

export function valueAt(values: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined),
    values,
  );
}
