import { z } from 'zod';
import { DomainInputError } from './errors';
import type { FieldError } from './i18n/field-errors';
import type { BudgetLevel } from './master-data';
import { parseYuan } from './money';
import { treasuryEntryInputSchema } from './remittances';

/** A treasury entry as the treasury's systems name things: its treasury code, not our id. */
export const treasuryEntryRowSchema = treasuryEntryInputSchema
  .omit({ treasuryId: true })
  .extend({ treasuryCode: z.string().trim().min(1).max(32) });
export type TreasuryEntryRow = z.infer<typeof treasuryEntryRowSchema>;

/** The signed treasury API posts up to 1,000 entries at once. */
export const treasuryEntryBatchSchema = z.strictObject({ entries: z.array(z.unknown()).min(1).max(1000) });

// The daily entry file says the level in Chinese; the API uses the codes.
const LEVEL_NAMES: Record<string, BudgetLevel> = {
  中央级: 'central',
  省级: 'provincial',
  市级: 'city',
  县级: 'county',
};

/**
 * One row of the treasury's daily entry file (CSV) → the candidate `treasuryEntryRowSchema` judges:
 * `amount` in yuan as printed (`1,234.50`, never through floating point) or `amountFen`, the level as
 * a code or its Chinese name. Returns the cell errors it could not convert.
 */
export function treasuryEntryFromCsvRow(row: Record<string, string | undefined>): {
  candidate: Record<string, unknown>;
  errors: Record<string, FieldError>;
} {
  const errors: Record<string, FieldError> = {};
  const text = (k: string) => row[k]?.trim() || undefined;
  let amountFen: number | undefined;
  const yuan = text('amount');
  const fen = text('amountFen');
  if (yuan !== undefined) {
    try {
      amountFen = parseYuan(yuan);
    } catch (e) {
      if (!(e instanceof DomainInputError)) throw e;
      errors.amount = { code: e.code, params: e.params };
    }
  } else if (fen !== undefined) {
    if (/^\d+$/.test(fen)) amountFen = Number(fen);
    else errors.amountFen = { code: 'whole_fen', params: { value: fen } };
  } else errors.amount = { code: 'required' };
  const level = text('budgetLevel');
  // An unknown level is passed on as written, so the schema names it in the row error.
  const budgetLevel = level === undefined ? undefined : (LEVEL_NAMES[level] ?? level);
  return {
    candidate: {
      treasuryCode: text('treasuryCode') ?? '',
      entryDate: text('entryDate') ?? '',
      amountFen,
      budgetSubjectCode: text('budgetSubjectCode') ?? '',
      budgetLevel,
      transferReference: text('transferReference') ?? '',
    },
    errors,
  };
}

/** Same treasury, date, transfer and amount: the same entry typed or sent twice. */
export const entryKey = (e: {
  treasuryId: number;
  entryDate: string;
  transferReference: string;
  amountFen: number;
}) => `${e.treasuryId}|${e.entryDate}|${e.transferReference}|${e.amountFen}`;
