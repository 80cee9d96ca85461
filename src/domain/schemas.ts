import { z } from 'zod';
import { isIsoDate, isRealInstant } from './dates';

// Shared zod primitives: client forms and server routes validate alike.
export const requiredText = (max: number) =>
  z.string().trim().min(1, { message: 'required' }).max(max, { message: 'too_long' });

export const optionalText = (max: number) =>
  z.string().trim().max(max, { message: 'too_long' }).nullable().optional();

export const isoDate = z.string().refine(isIsoDate, { message: 'date_format' });
/** An instant with an offset, every part real (see `isRealInstant`). */
export const instant = z.string().refine(isRealInstant, { message: 'instant_with_offset' });

export const version = z.number().int().nonnegative();

/** Adds the read-only keys a GET returns, so a PUT of exactly that record passes; any other key stays an error. */
export function withReadOnly<T extends z.ZodRawShape, const K extends string>(
  schema: z.ZodObject<T>,
  readOnly: readonly K[],
) {
  const extra = Object.fromEntries(readOnly.map((k) => [k, z.unknown().optional()])) as {
    [P in K]: z.ZodOptional<z.ZodUnknown>;
  };
  return z.strictObject({ ...extra, ...schema.shape });
}
