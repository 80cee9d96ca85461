import { z } from 'zod';
import type { BusinessCalendar } from './calendar';
import { isValidIdNumber, isValidPlate, maskIdNumber, maskName, maskPlate } from './identity';
import { lateFeeFen, type Suspension } from './penalties';
import { instant, isoDate, requiredText } from './schemas';

// 处罚决定书 penalty decision; 已缴款 is `paid`
export const PAYMENT_STATUSES = ['unpaid', 'paid', 'partially_refunded', 'refunded'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const COLLECTION_CHANNELS = [
  'counter',
  'online_banking',
  'mobile_banking',
  'pos',
  'terminal',
  'alipay',
  'wechat',
] as const;
export type CollectionChannel = (typeof COLLECTION_CHANNELS)[number];

export const FLAG_TYPES = [
  'paid_without_funds',
  'sync_lag',
  'single_user_manual',
  'reversal',
  'amount_mismatch',
  'duplicate',
] as const;
export type FlagType = (typeof FLAG_TYPES)[number];

const suspension = z
  .strictObject({ from: isoDate, to: isoDate })
  .refine((s) => s.to >= s.from, { message: 'end_before_start', path: ['to'] });

export const decisionInputSchema = z.strictObject({
  decisionNumber: z.string().regex(/^[0-9A-Za-z\u4e00-\u9fa5〔〕()（）\-第号]{4,40}$/, {
    message: 'decision_number',
  }),
  unitCode: z.string().regex(/^\d{8}$/, { message: 'digits_8' }),
  projectCode: z.string().regex(/^\d{11}$/, { message: 'project_code' }),
  fineFen: z.number().int().positive().max(1e13),
  servedOn: isoDate,
  partyName: requiredText(50),
  idNumber: z.string().refine(isValidIdNumber, { message: 'id_number' }),
  licenceNumber: z.string().refine(isValidIdNumber, { message: 'licence_number' }).nullable().optional(),
  plate: z.string().refine(isValidPlate, { message: 'plate' }).nullable().optional(),
  suspensions: z.array(suspension).max(20).default([]),
});
export type DecisionInput = z.infer<typeof decisionInputSchema>;

/** Personal fields of a decision and how each is masked in lists, exports and audit payloads (DOMAIN.md §8). */
export const DECISION_PII = {
  partyName: maskName,
  idNumber: maskIdNumber,
  licenceNumber: maskIdNumber,
  plate: maskPlate,
} as const;

export function maskDecision<T extends Partial<Record<keyof typeof DECISION_PII, string | null>>>(d: T): T {
  const out = { ...d };
  for (const [field, mask] of Object.entries(DECISION_PII) as [
    keyof typeof DECISION_PII,
    (s: string) => string,
  ][]) {
    const v = out[field];
    if (typeof v === 'string') (out as Record<string, unknown>)[field] = mask(v);
  }
  return out;
}

/** Amount due on a business date: fine plus the late fee accrued by then. */
export function amountDueFen(
  d: { fineFen: number; servedOn: string; suspensions?: Suspension[] },
  onDate: string,
  cal: BusinessCalendar,
): number {
  if (onDate < d.servedOn) return d.fineFen;
  return d.fineFen + lateFeeFen(d.fineFen, d.servedOn, onDate, cal, d.suspensions ?? []);
}

export const revealSchema = z.strictObject({ reason: requiredText(500) });
export const bulkReviewSchema = z.strictObject({
  ids: z.array(z.number().int().positive()).min(1).max(1000),
  note: requiredText(1000),
});

export const collectionPushSchema = z.strictObject({
  decisionNumber: z.string().min(4).max(40),
  amountFen: z.number().int().positive().max(1e13),
  channel: z.enum(COLLECTION_CHANNELS),
  bankTxnId: z.string().regex(/^[\w-]{4,64}$/, { message: 'reference_format' }),
  collectedAt: instant,
});
export type CollectionPush = z.infer<typeof collectionPushSchema>;

export const decisionBatchSchema = z.strictObject({ decisions: z.array(z.unknown()).min(1).max(1000) });

export const statusCorrectionInputSchema = z.strictObject({
  decisionId: z.number().int().positive(),
  toStatus: z.enum(PAYMENT_STATUSES),
  reason: requiredText(1000),
});

export const statementPushSchema = z.strictObject({
  account: z.string().regex(/^\d{8,32}$/, { message: 'digits_8_32' }),
  valueDate: isoDate,
  lines: z
    .array(
      z.strictObject({
        bankTxnId: z.string().regex(/^[\w-]{4,64}$/, { message: 'reference_format' }),
        amountFen: z
          .number()
          .int()
          .max(1e13)
          .refine((n) => n !== 0, { message: 'not_zero' }),
        kind: z.enum(['collection', 'refund', 'offset']),
      }),
    )
    .min(1)
    .max(50_000),
});
