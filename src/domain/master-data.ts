import { z } from 'zod';
import type { FieldError } from './i18n/field-errors';
import { isoDate, optionalText, requiredText } from './schemas';

// 预算级次 budget level a revenue is entered at
export const BUDGET_LEVELS = ['central', 'provincial', 'city', 'county'] as const;
export type BudgetLevel = (typeof BUDGET_LEVELS)[number];

// 预算科目 budget subject: 9 digits nationally (103050101 公安罚没收入), 12 with a 3-digit local suffix
export const budgetSubjectInputSchema = z.strictObject({
  code: z.string().regex(/^\d{9}(\d{3})?$/, { message: 'budget_subject_code' }),
  name: requiredText(100),
  note: optionalText(500),
});
export const BUDGET_SUBJECT_READ_ONLY = ['id', 'parentCode', 'kind', 'createdAt', 'updatedAt'] as const;

// 罚款项目编码 billing code: 5-digit department code + 6-digit item code = 11-digit project code
export const billingCodeInputSchema = z.strictObject({
  departmentCode: z.string().regex(/^\d{5}$/, { message: 'digits_5' }),
  itemCode: z.string().regex(/^\d{6}$/, { message: 'digits_6' }),
  name: requiredText(100),
  budgetSubjectCode: z.string().regex(/^\d{9}(\d{3})?$/, { message: 'budget_subject_code' }),
  budgetLevel: z.enum(BUDGET_LEVELS),
  effectiveFrom: isoDate,
  effectiveTo: isoDate.nullable().optional(),
  note: optionalText(500),
});
export type BillingCodeInput = z.infer<typeof billingCodeInputSchema>;
export const BILLING_CODE_READ_ONLY = [
  'id',
  'projectCode',
  'status',
  'budgetSubjectName',
  'createdAt',
  'updatedAt',
] as const;

export function billingCodeProblems(input: {
  effectiveFrom: string;
  effectiveTo?: string | null;
}): Record<string, FieldError> {
  return input.effectiveTo && input.effectiveTo < input.effectiveFrom
    ? { effectiveTo: { code: 'not_before_effective_from' } }
    : {};
}

/** True when two validity periods (inclusive, open end = forever) share a day. */
export function periodsOverlap(
  a: { from: string; to?: string | null },
  b: { from: string; to?: string | null },
): boolean {
  return a.from <= (b.to ?? '9999-12-31') && b.from <= (a.to ?? '9999-12-31');
}

// 国库 treasury: one per region and level
export const treasuryInputSchema = z.strictObject({
  code: z.string().regex(/^\d{6,12}$/, { message: 'digits_6_12' }),
  name: requiredText(100),
  regionCode: z.string().regex(/^\d{2,6}$/, { message: 'region_code' }),
  level: z.enum(BUDGET_LEVELS),
  accountName: requiredText(100),
  accountNumber: z.string().regex(/^\d{8,32}$/, { message: 'digits_8_32' }),
  bankName: requiredText(100),
});
export const TREASURY_READ_ONLY = ['id', 'regionName', 'createdAt', 'updatedAt'] as const;

export const UNIT_KINDS = ['traffic_police', 'transport', 'market'] as const;
export const unitInputSchema = z.strictObject({
  code: z.string().regex(/^\d{8}$/, { message: 'digits_8' }),
  name: requiredText(100),
  nameEn: requiredText(100),
  kind: z.enum(UNIT_KINDS),
  regionCode: z.string().regex(/^\d{2,6}$/, { message: 'region_code' }),
  departmentId: z.number().int().positive().nullable().optional(),
  billingCodeIds: z.array(z.number().int().positive()).max(500).default([]),
});
export const UNIT_READ_ONLY = ['id', 'regionName', 'departmentName', 'createdAt', 'updatedAt'] as const;

/** Traffic-police units are reviewed by police HQ; all others need their supervising department. */
export function unitProblems(input: {
  kind: string;
  departmentId?: number | null;
}): Record<string, FieldError> {
  if (input.kind !== 'traffic_police' && !input.departmentId)
    return { departmentId: { code: 'required_for_non_police_unit' } };
  return {};
}
