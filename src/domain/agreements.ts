import { z } from 'zod';
import { addCalendarDays, type IsoDate } from './dates';
import type { FieldError } from './i18n/field-errors';
import { isoDate, optionalText, requiredText } from './schemas';

// 代理银行协议 agent-bank agreement (DOMAIN.md §2)
export const AGREEMENT_STATUSES = ['draft', 'active', 'suspended', 'terminated'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

// 缴库方式: direct payment into the treasury, or via a finance collection account first
export const REMITTANCE_METHODS = ['direct', 'collection_account'] as const;
export const DATA_EXCHANGE_METHODS = ['realtime_api', 'batch_file', 'front_end_processor'] as const;

export const AGREEMENT_ACTIONS = ['activate', 'suspend', 'terminate'] as const;
export type AgreementAction = (typeof AGREEMENT_ACTIONS)[number];

const TRANSITIONS: Record<AgreementAction, { from: readonly AgreementStatus[]; to: AgreementStatus }> = {
  activate: { from: ['draft', 'suspended'], to: 'active' },
  suspend: { from: ['active'], to: 'suspended' },
  terminate: { from: ['draft', 'active', 'suspended'], to: 'terminated' },
};

/** The status an action leads to, or null when the action is not allowed from `status`. */
export function agreementTransition(
  status: AgreementStatus,
  action: AgreementAction,
): AgreementStatus | null {
  const t = TRANSITIONS[action];
  return t.from.includes(status) ? t.to : null;
}

/** Filing 备案 with the central bank is due within this many calendar days of signing (State Council Order 235). */
export const FILING_DAYS = 15;

export const filingDueDate = (signedOn: IsoDate): IsoDate => addCalendarDays(signedOn, FILING_DAYS);

/** Overdue: not filed and the due date has passed. Filed late agreements are no longer "overdue". */
export function isFilingOverdue(signedOn: IsoDate, filedOn: IsoDate | null, today: IsoDate): boolean {
  return filedOn === null && today > filingDueDate(signedOn);
}

const cutoffTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'time_hhmm' });

export const agreementInputSchema = z.strictObject({
  bankId: requiredText(16),
  regionCode: z.string().regex(/^\d{2,6}$/, { message: 'region_code' }),
  agreementNo: requiredText(64),
  accountName: requiredText(100),
  accountNumber: z.string().regex(/^\d{8,32}$/, { message: 'digits_8_32' }),
  accountBranch: requiredText(100),
  remittanceMethod: z.enum(REMITTANCE_METHODS),
  dataExchangeMethod: z.enum(DATA_EXCHANGE_METHODS),
  cutoffTime,
  signedOn: isoDate,
  effectiveFrom: isoDate,
  effectiveTo: isoDate.nullable().optional(),
  note: optionalText(1000),
});
export type AgreementInput = z.infer<typeof agreementInputSchema>;

/** Field-level rules that span fields; returns field → message. */
export function agreementInputProblems(
  input: Pick<AgreementInput, 'effectiveFrom' | 'effectiveTo' | 'signedOn'>,
) {
  const errors: Record<string, FieldError> = {};
  if (input.effectiveTo && input.effectiveTo < input.effectiveFrom)
    errors.effectiveTo = { code: 'not_before_effective_from' };
  if (input.effectiveFrom < input.signedOn) errors.effectiveFrom = { code: 'not_before_signed_on' };
  return errors;
}

/** Fields a GET returns that are not edited through PUT; they may come back and are ignored. */
export const AGREEMENT_READ_ONLY = [
  'id',
  'status',
  'filedOn',
  'filingReference',
  'filingDueOn',
  'overdueFiling',
  'bankName',
  'regionName',
  'createdAt',
  'updatedAt',
  'createdBy',
  'history',
] as const;

export const agreementFileSchema = z.strictObject({
  filedOn: isoDate.optional(),
  reference: optionalText(64),
});
export const reasonSchema = z.strictObject({ reason: optionalText(500) });
