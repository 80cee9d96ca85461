import { z } from 'zod';
import { addCalendarDays } from './dates';
import { isoDate } from './schemas';

// 票据 receipt stock (DOMAIN.md §2, §7): paper types are held as number ranges down the hierarchy,
// electronic ones come from pre-assigned code segments 预附码 and are written off 核销 on issue.
export const RECEIPT_TYPES = [
  // 专用缴款书 five-copy payment form
  { code: 'payment_form', name: '专用缴款书', nameEn: 'Special payment form', electronic: false, copies: 5 },
  // 罚款收据 on-site penalty receipt
  {
    code: 'onsite_receipt',
    name: '罚款收据',
    nameEn: 'On-site penalty receipt',
    electronic: false,
    copies: 3,
  },
  // 财政电子票据 electronic fiscal receipt
  {
    code: 'e_receipt',
    name: '财政电子票据',
    nameEn: 'Electronic fiscal receipt',
    electronic: true,
    copies: 1,
  },
] as const;
export type ReceiptTypeCode = (typeof RECEIPT_TYPES)[number]['code'];
export const RECEIPT_TYPE_CODES = RECEIPT_TYPES.map((t) => t.code) as [ReceiptTypeCode, ...ReceiptTypeCode[]];
export const PAPER_TYPE_CODES = ['payment_form', 'onsite_receipt'] as const;
export type PaperTypeCode = (typeof PAPER_TYPE_CODES)[number];

export const RECEIPT_STATUSES = ['issued', 'void'] as const;
export const WRITE_OFF_STATUSES = ['requested', 'approved', 'rejected'] as const;
export const REQUEST_STATUSES = ['requested', 'fulfilled', 'rejected'] as const;
export const MOVEMENT_KINDS = ['purchase', 'allocate', 'return'] as const;

/** Serial numbers on paper stock: at most 10 digits, as printed. */
export const MAX_RECEIPT_NUMBER = 9_999_999_999;

export interface NumberRange {
  startNo: number;
  endNo: number;
}

export const rangeSize = (r: NumberRange) => r.endNo - r.startNo + 1;
export const rangesOverlap = (a: NumberRange, b: NumberRange) => a.startNo <= b.endNo && b.startNo <= a.endNo;

/**
 * Takes `count` numbers from the front of the holder's ranges (lowest first). Returns the pieces
 * that move and what stays, or null when the holder has fewer than `count` numbers.
 */
export function carve<T extends NumberRange>(
  held: readonly T[],
  count: number,
): { moved: (NumberRange & { from: T })[]; left: (NumberRange & { from: T })[] } | null {
  const sorted = [...held].sort((a, b) => a.startNo - b.startNo);
  if (sorted.reduce((n, r) => n + rangeSize(r), 0) < count) return null;
  const moved: (NumberRange & { from: T })[] = [];
  const left: (NumberRange & { from: T })[] = [];
  let need = count;
  for (const r of sorted) {
    if (need === 0) break;
    const take = Math.min(need, rangeSize(r));
    moved.push({ startNo: r.startNo, endNo: r.startNo + take - 1, from: r });
    if (take < rangeSize(r)) left.push({ startNo: r.startNo + take, endNo: r.endNo, from: r });
    need -= take;
  }
  return { moved, left };
}

/** Sorted numbers compressed for messages: `[1,2,3,7]` → `1–3, 7`. */
export function compressNumbers(numbers: readonly number[]): string {
  const sorted = [...numbers].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

/** 验旧换新: the date before which a used, unchecked stub blocks new stock. */
export const staleBefore = (today: string, periodDays: number) => addCalendarDays(today, -periodDays);

export interface Stub {
  number: number;
  issuedOn: string;
  writtenOff: boolean;
}

/** Used stubs older than the period and not yet checked and written off 缴销. */
export function uncheckedStubs(stubs: readonly Stub[], today: string, periodDays: number): number[] {
  const before = staleBefore(today, periodDays);
  return stubs.filter((s) => !s.writtenOff && s.issuedOn < before).map((s) => s.number);
}

/**
 * 预附码 e-receipt code: region(2) + category(2) + type(2) + year(2), e.g. Qinghai `63`, fines `01`,
 * general `01`, 2026 → `63010126`.
 */
export function eReceiptCode(region: string, category: string, type: string, year: number): string {
  for (const [name, v] of [
    ['region', region],
    ['category', category],
    ['type', type],
  ] as const)
    if (!/^\d{2}$/.test(v)) throw new RangeError(`${name} must be 2 digits`);
  if (!Number.isInteger(year) || year < 2000 || year > 2099) throw new RangeError('year out of range');
  return `${region}${category}${type}${String(year % 100).padStart(2, '0')}`;
}

export const isEReceiptCode = (code: string) => /^\d{8}$/.test(code);
export const formatReceiptNumber = (n: number) => String(n).padStart(10, '0');

// No 0/O, 1/I/L: the payer types the check code from paper or a screen.
export const CHECK_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** Six check-code characters from random bytes (the server supplies crypto-strong bytes). */
export function checkCodeFrom(bytes: Uint8Array): string {
  if (bytes.length < 6) throw new RangeError('need 6 random bytes');
  return Array.from(bytes.slice(0, 6), (b) => CHECK_CODE_ALPHABET[b % CHECK_CODE_ALPHABET.length]).join('');
}
export const isCheckCode = (s: string) => new RegExp(`^[${CHECK_CODE_ALPHABET}]{6}$`).test(s);

/** Numbers skipped in a holding: unused numbers below the highest one used. */
export function gapsInUse(range: NumberRange, used: readonly number[]): number[] {
  const inside = used.filter((n) => n >= range.startNo && n <= range.endNo);
  if (inside.length === 0) return [];
  const max = Math.max(...inside);
  const set = new Set(inside);
  const gaps: number[] = [];
  for (let n = range.startNo; n < max; n++) if (!set.has(n)) gaps.push(n);
  return gaps;
}

/** Void rate above the threshold, judged only once enough receipts were used to mean something. */
export const voidRateTooHigh = (voided: number, used: number, threshold: number, minUsed = 20) =>
  used >= minUsed && voided / used > threshold;

/** 结存 balance = received − passed on − used (issued or void); it must never go negative. */
export function balance(row: { received: number; passedOn: number; used: number }): number {
  return row.received - row.passedOn - row.used;
}

const rangeShape = {
  typeCode: z.enum(RECEIPT_TYPE_CODES),
  startNo: z.number().int().min(1).max(MAX_RECEIPT_NUMBER),
  endNo: z.number().int().min(1).max(MAX_RECEIPT_NUMBER),
};
const rangeOrdered = (r: { startNo: number; endNo: number }) => r.endNo >= r.startNo;
const orderedMessage = { message: 'end_before_start_no', path: ['endNo'] };

/** 领购 a purchase from the finance receipt centre. */
export const receiptBatchInputSchema = z
  .strictObject({
    ...rangeShape,
    typeCode: z.enum(PAPER_TYPE_CODES),
    purchasedOn: isoDate,
    note: z.string().max(500).optional(),
  })
  .refine(rangeOrdered, orderedMessage);

/** A holder: a region's finance office or an enforcement unit. */
export const holderSchema = z.union([
  z.strictObject({ regionCode: z.string().regex(/^\d{2}(\d{2}){0,2}$/) }),
  z.strictObject({ unitId: z.number().int().positive() }),
]);
export type Holder = z.infer<typeof holderSchema>;

/** 发放 allocation down the hierarchy (or a transfer back up with `direction: 'return'`). */
export const allocationInputSchema = z.strictObject({
  typeCode: z.enum(PAPER_TYPE_CODES),
  from: holderSchema,
  to: holderSchema,
  count: z.number().int().min(1).max(1_000_000),
});

export const receiptIssueSchema = z.strictObject({
  typeCode: z.enum(PAPER_TYPE_CODES),
  decisionId: z.number().int().positive(),
  // A handwritten paper receipt is recorded with the number printed on it; otherwise the next one.
  number: z.number().int().min(1).max(MAX_RECEIPT_NUMBER).optional(),
  amountFen: z.number().int().positive().optional(),
});

/** 申请领用: a unit asks its finance bureau for more paper stock. */
export const receiptRequestInputSchema = z.strictObject({
  typeCode: z.enum(PAPER_TYPE_CODES),
  count: z.number().int().min(1).max(100_000),
  note: z.string().max(500).optional(),
});

export const writeOffInputSchema = z
  .strictObject({ ...rangeShape, typeCode: z.enum(PAPER_TYPE_CODES), note: z.string().max(500).optional() })
  .refine(rangeOrdered, orderedMessage);

export const eReceiptSegmentInputSchema = z
  .strictObject({
    unitId: z.number().int().positive(),
    category: z.string().regex(/^\d{2}$/),
    type: z.string().regex(/^\d{2}$/),
    year: z.number().int().min(2000).max(2099),
    startNo: z.number().int().min(1).max(MAX_RECEIPT_NUMBER),
    endNo: z.number().int().min(1).max(MAX_RECEIPT_NUMBER),
  })
  .refine(rangeOrdered, orderedMessage);

export const RECEIPT_FINDING_TYPES = [
  'low_stock',
  'gap_in_use',
  'issued_without_payment',
  'void_rate',
  'unchecked_stubs',
  'e_receipt_queued',
] as const;
export type ReceiptFindingType = (typeof RECEIPT_FINDING_TYPES)[number];
