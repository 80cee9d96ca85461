import { z } from 'zod';
import type { Actor, Role } from './roles';
import { requiredText } from './schemas';

// 退付 refund of a collected fine; 收入退还书 refund voucher
export const REFUND_REASONS = [
  'revoked', // 撤销 decision revoked
  'changed', // 变更 amount reduced
  'overpaid', // 多缴
  'duplicate', // 重复缴款
  'wrong_payment', // 错误缴款
  'review_outcome', // 复议 not to be punished after review
] as const;
export type RefundReason = (typeof REFUND_REASONS)[number];

export const REFUND_STATUSES = [
  'draft',
  'submitted',
  'reviewed',
  'approved',
  'voucher_issued',
  'executed',
  'rejected',
  'withdrawn',
  'failed',
] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

/** Still holding part of the refundable amount: everything not executed, rejected or withdrawn. */
export const PENDING_REFUND_STATUSES: readonly RefundStatus[] = [
  'draft',
  'submitted',
  'reviewed',
  'approved',
  'voucher_issued',
  'failed',
];

export const REFUND_ACTIONS = [
  'submit',
  'return',
  'review',
  'approve',
  'reject',
  'withdraw',
  'issue-voucher',
  'reissue-voucher',
  'execute',
  'fail',
] as const;
export type RefundAction = (typeof REFUND_ACTIONS)[number];

/** Who acts at each step: the unit applies, its supervising department reviews, finance decides, treasury pays. */
export type RefundParty = 'applicant' | 'reviewer' | 'finance' | 'treasury';

interface Step {
  from: readonly RefundStatus[];
  to: RefundStatus;
  by: readonly RefundParty[];
  reasonRequired: boolean;
}

export const REFUND_STEPS: Record<RefundAction, Step> = {
  submit: { from: ['draft'], to: 'submitted', by: ['applicant'], reasonRequired: false },
  return: { from: ['submitted'], to: 'draft', by: ['reviewer'], reasonRequired: true },
  review: { from: ['submitted'], to: 'reviewed', by: ['reviewer'], reasonRequired: false },
  // Above the threshold the first approval keeps `reviewed`; see approvalOutcome.
  approve: { from: ['reviewed'], to: 'approved', by: ['finance'], reasonRequired: false },
  reject: {
    from: ['submitted', 'reviewed', 'approved', 'failed'],
    to: 'rejected',
    by: ['reviewer', 'finance'],
    reasonRequired: true,
  },
  withdraw: {
    from: ['draft', 'submitted', 'reviewed'],
    to: 'withdrawn',
    by: ['applicant'],
    reasonRequired: false,
  },
  'issue-voucher': { from: ['approved'], to: 'voucher_issued', by: ['finance'], reasonRequired: false },
  'reissue-voucher': { from: ['failed'], to: 'voucher_issued', by: ['finance'], reasonRequired: false },
  execute: { from: ['voucher_issued'], to: 'executed', by: ['treasury'], reasonRequired: false },
  fail: { from: ['voucher_issued'], to: 'failed', by: ['treasury'], reasonRequired: true },
};

/** A reviewer rejects what is before it (submitted); later rejections are finance's. */
export function partyMayAct(action: RefundAction, party: RefundParty, status: RefundStatus): boolean {
  const step = REFUND_STEPS[action];
  if (!step.by.includes(party) || !step.from.includes(status)) return false;
  if (action === 'reject') return party === 'reviewer' ? status === 'submitted' : status !== 'submitted';
  return true;
}

/** What a refund tells about its applicant unit, enough to know who reviews it. */
export interface RefundUnit {
  unitId: number;
  /** `traffic_police` units are reviewed by police HQ, every other unit by its supervising department. */
  unitKind?: string | null;
  unitDepartmentId?: number | null;
}

/**
 * Who reviews a refund: police HQ (交警总队) for traffic-police units, the unit's supervising department
 * otherwise; null without the unit's kind (an older record) or, for other units, without a department.
 */
export type RefundReviewer = { role: 'police' } | { role: 'dept'; departmentId: number };
export function refundReviewerOf(refund: RefundUnit): RefundReviewer | null {
  if (refund.unitKind == null) return null;
  if (refund.unitKind === 'traffic_police') return { role: 'police' };
  return refund.unitDepartmentId != null ? { role: 'dept', departmentId: refund.unitDepartmentId } : null;
}

/**
 * The part `actor` plays for one refund, or null when none. The reviewer is the one `refundReviewerOf`
 * names: police HQ for traffic-police units, the unit's own `dept` otherwise.
 */
export function refundPartyOf(actor: Actor, refund: RefundUnit): RefundParty | null {
  switch (actor.role) {
    case 'unit':
      return actor.unitId === refund.unitId ? 'applicant' : null;
    case 'police':
    case 'dept': {
      const reviewer = refundReviewerOf(refund);
      if (reviewer?.role !== actor.role) return null;
      return reviewer.role === 'police' ||
        (actor.departmentId != null && actor.departmentId === reviewer.departmentId)
        ? 'reviewer'
        : null;
    }
    case 'finance':
      return 'finance';
    case 'treasury':
      return 'treasury';
    default:
      return null;
  }
}

/** The roles that may ever take a refund action (the permission table; scope and party are checked per record). */
export const REFUND_ACTION_ROLES: Record<RefundAction, readonly Role[]> = {
  submit: ['unit'],
  withdraw: ['unit'],
  return: ['police', 'dept'],
  review: ['police', 'dept'],
  approve: ['finance'],
  reject: ['police', 'dept', 'finance'],
  'issue-voucher': ['finance'],
  'reissue-voucher': ['finance'],
  execute: ['treasury'],
  fail: ['treasury'],
};

/** Refundable = paid − executed refunds − pending refunds (DOMAIN.md §6). */
export function refundableFen(
  paidFen: number,
  refunds: { status: RefundStatus; amountFen: number }[],
): number {
  let held = 0;
  for (const r of refunds)
    if (r.status === 'executed' || PENDING_REFUND_STATUSES.includes(r.status)) held += r.amountFen;
  return paidFen - held;
}

/** The four-eyes rule an approval by `approverId` would break, if any (the SPA disables 批准 with it). */
export function approvalRefusal(
  refund: { createdBy?: number; reviewedBy?: number | null; approverIds: readonly number[] },
  approverId: number,
): 'approver_is_applicant' | 'approver_is_reviewer' | 'already_approved_by_you' | null {
  if (approverId === refund.createdBy) return 'approver_is_applicant';
  if (approverId === refund.reviewedBy) return 'approver_is_reviewer';
  if (refund.approverIds.includes(approverId)) return 'already_approved_by_you';
  return null;
}

/**
 * An approval by `approverId`: refused (with the rule) when four eyes are breached; otherwise whether
 * the refund is now approved — strictly above the threshold it takes two different finance users.
 */
export function approvalOutcome(
  refund: { amountFen: number; createdBy: number; reviewedBy: number | null; approverIds: number[] },
  approverId: number,
  thresholdFen: number,
):
  | { ok: false; rule: 'approver_is_applicant' | 'approver_is_reviewer' | 'already_approved_by_you' }
  | {
      ok: true;
      approved: boolean;
    } {
  const rule = approvalRefusal(refund, approverId);
  if (rule) return { ok: false, rule };
  return {
    ok: true,
    approved: refund.approverIds.length + 1 >= approvalsNeeded(refund.amountFen, thresholdFen),
  };
}

/** Finance approvals a refund of this amount takes: strictly above the threshold, two different people. */
export function approvalsNeeded(amountFen: number, thresholdFen: number): 1 | 2 {
  return amountFen > thresholdFen ? 2 : 1;
}

/**
 * What the people following a refund need to read beside its status: a draft a reviewer sent back
 * (only `return` leads back to draft, and it requires a reason) is 已退回, not 草稿; a refund that
 * one finance officer approved but that needs a second is waiting for a colleague.
 */
export function refundProgress(r: {
  status: RefundStatus;
  lastReason: string | null;
  approvalCount: number;
  approvalsNeeded: number;
}): 'returned' | 'awaiting_second_approval' | null {
  if (r.status === 'draft' && r.lastReason) return 'returned';
  if (r.status === 'reviewed' && r.approvalCount > 0 && r.approvalCount < r.approvalsNeeded)
    return 'awaiting_second_approval';
  return null;
}

/** The decision's payment status once executed refunds total `refundedFen` of `paidFen`. */
export function statusAfterRefund(
  paidFen: number,
  refundedFen: number,
): 'paid' | 'partially_refunded' | 'refunded' {
  if (refundedFen <= 0) return 'paid';
  return refundedFen >= paidFen ? 'refunded' : 'partially_refunded';
}

const account = z.string().regex(/^\d{8,32}$/, { message: 'digits_8_32' });

export const refundInputSchema = z.strictObject({
  decisionId: z.number().int().positive(),
  reason: z.enum(REFUND_REASONS),
  amountFen: z.number().int().positive().max(1e13),
  payeeName: requiredText(100),
  payeeAccount: account,
  payeeBank: requiredText(100),
  note: z.string().max(2000).nullish(),
});
export type RefundInput = z.infer<typeof refundInputSchema>;

export const refundActionSchema = z.strictObject({ reason: z.string().trim().max(1000).optional() });
export const refundBulkApproveSchema = z.strictObject({
  ids: z.array(z.number().int().positive()).min(1).max(200),
});

/** Evidence files, recognised by content (magic bytes), never by name or declared type. */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
export function evidenceType(bytes: Uint8Array): 'application/pdf' | 'image/jpeg' | 'image/png' | null {
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  return null;
}

/** 收入退还书 number: per issue year, without gaps. */
export const voucherNumber = (year: number, seq: number) => `退〔${year}〕${String(seq).padStart(6, '0')}号`;

/** What a GET of a refund returns besides its input fields: accepted back in a PUT and ignored. */
export const REFUND_READ_ONLY = [
  'id',
  'status',
  'unitId',
  'unitName',
  'unitKind',
  'unitDepartmentId',
  'regionCode',
  'decisionNumber',
  'createdBy',
  'createdByName',
  'submittedAt',
  'reviewedBy',
  'reviewedByName',
  'reviewedAt',
  'approvedAt',
  'executedAt',
  'lastReason',
  'createdAt',
  'updatedAt',
  'approvals',
  'approvalCount',
  'approvalsNeeded',
  'events',
  'attachments',
  'vouchers',
  'voucherNumber',
  'decision',
  'balance',
  'payeeAccountMasked',
] as const;
