import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

/** Turns a zod issue into a key of `app.validation.*`, so the form speaks the user's language. */
function messageKey(issue: Issue, value: unknown): string {
  if (value === undefined || value === null || value === '') return 'app.validation.required';
  switch (issue.code) {
    case 'too_big':
      return 'app.validation.too_long';
    case 'too_small':
      return 'app.validation.required';
    case 'invalid_format':
      return 'app.validation.format';
    case 'custom':
      return /date/.test(issue.message) ? 'app.validation.date' : 'app.validation.invalid';
    default:
      return 'app.validation.invalid';
  }
}

function valueAt(values: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined),
    values,
  );
}

/**
 * A react-hook-form resolver over the same zod schema the server validates with, plus
 * cross-field rules (`problems`) returning field → translation key. Empty strings count as absent.
 */
export function zodResolver<T extends FieldValues>(
  schema: z.ZodType,
  problems?: (values: T) => Record<string, string>,
): Resolver<T> {
  return async (values) => {
    const cleaned = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === '' ? null : v]));
    const result = schema.safeParse(cleaned);
    const errors: Record<string, { type: string; message: string }> = {};
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = issue.path.map(String).join('.');
        if (!field || errors[field]) continue;
        errors[field] = { type: issue.code, message: messageKey(issue, valueAt(cleaned, issue.path)) };
      }
    } else if (problems) {
      for (const [field, key] of Object.entries(problems(values as T)))
        errors[field] = { type: 'custom', message: key };
    }
    return Object.keys(errors).length
      ? { values: {}, errors: errors as unknown as FieldErrors<T> }
      : { values: cleaned as T, errors: {} };
  };
}
