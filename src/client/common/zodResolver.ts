import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { fieldErrorOf, valueAt } from '../../domain/i18n';
import { fieldMessage } from '../providers/httpClient';

/**
 * A react-hook-form resolver over the same zod schema the server validates with, plus
 * cross-field rules (`problems`) returning field → translation key. Empty strings count as absent.
 * Each issue becomes the same field code the server would answer, worded by `app.field_errors`.
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
        const code = fieldErrorOf(issue as Parameters<typeof fieldErrorOf>[0], valueAt(cleaned, issue.path));
        errors[field] = { type: issue.code, message: fieldMessage(code) };
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
