import { z } from 'zod';
import type { FieldError } from './i18n/field-errors';
import { isoDate, requiredText } from './schemas';

// 监管意见 a supervision note by the central bank's treasury on a bank and a period
export const supervisionNoteInputSchema = z.strictObject({
  bankId: requiredText(16),
  agreementId: z.number().int().positive().nullable().optional(),
  periodStart: isoDate,
  periodEnd: isoDate,
  text: requiredText(4000),
});

export const SUPERVISION_NOTE_READ_ONLY = [
  'id',
  'regionCode',
  'authorId',
  'authorName',
  'bankName',
  'createdAt',
  'updatedAt',
] as const;

export function supervisionNoteProblems(input: {
  periodStart: string;
  periodEnd: string;
}): Record<string, FieldError> {
  return input.periodEnd < input.periodStart ? { periodEnd: { code: 'not_before_period_start' } } : {};
}
