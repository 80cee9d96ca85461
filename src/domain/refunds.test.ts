import { describe, expect, it } from 'vitest';
import {
  approvalOutcome,
  approvalsNeeded,
  evidenceType,
  partyMayAct,
  REFUND_STEPS,
  type RefundAction,
  type RefundParty,
  type RefundStatus,
  refundableFen,
  refundProgress,
  statusAfterRefund,
  voucherNumber,
} from './refunds';

describe('refund workflow steps', () => {
  it.each<[RefundAction, RefundParty, RefundStatus, RefundStatus | null]>([
    ['submit', 'applicant', 'draft', 'submitted'],
    ['submit', 'reviewer', 'draft', null],
    ['return', 'reviewer', 'submitted', 'draft'],
    ['return', 'reviewer', 'reviewed', null],
    ['review', 'reviewer', 'submitted', 'reviewed'],
    ['review', 'finance', 'submitted', null],
    ['approve', 'finance', 'reviewed', 'approved'],
    ['approve', 'finance', 'submitted', null],
    ['approve', 'reviewer', 'reviewed', null],
    ['reject', 'reviewer', 'submitted', 'rejected'],
    ['reject', 'reviewer', 'reviewed', null],
    ['reject', 'finance', 'submitted', null],
    ['reject', 'finance', 'reviewed', 'rejected'],
    ['reject', 'finance', 'failed', 'rejected'],
    ['withdraw', 'applicant', 'reviewed', 'withdrawn'],
    ['withdraw', 'applicant', 'approved', null],
    ['issue-voucher', 'finance', 'approved', 'voucher_issued'],
    ['reissue-voucher', 'finance', 'failed', 'voucher_issued'],
    ['reissue-voucher', 'finance', 'approved', null],
    ['execute', 'treasury', 'voucher_issued', 'executed'],
    ['execute', 'treasury', 'approved', null],
    ['fail', 'treasury', 'voucher_issued', 'failed'],
    ['execute', 'finance', 'voucher_issued', null],
  ])('%s by %s from %s → %s', (action, party, from, to) => {
    expect(partyMayAct(action, party, from) ? REFUND_STEPS[action].to : null).toBe(to);
  });

  it('return, reject and fail need a reason; nothing else does', () => {
    const needing = Object.entries(REFUND_STEPS)
      .filter(([, s]) => s.reasonRequired)
      .map(([a]) => a);
    expect(needing.sort()).toEqual(['fail', 'reject', 'return']);
  });
});

describe('refundableFen = paid − executed − pending (DOMAIN.md §6)', () => {
  it.each([
    ['nothing refunded', 20_000, [], 20_000],
    ['one executed', 20_000, [{ status: 'executed', amountFen: 5_000 }], 15_000],
    ['a draft holds its amount', 20_000, [{ status: 'draft', amountFen: 5_000 }], 15_000],
    ['a failed one still holds it', 20_000, [{ status: 'failed', amountFen: 5_000 }], 15_000],
    [
      'rejected and withdrawn free it',
      20_000,
      [
        { status: 'rejected', amountFen: 5_000 },
        { status: 'withdrawn', amountFen: 5_000 },
      ],
      20_000,
    ],
    [
      'duplicate payment: paid twice, one refund pending',
      40_000,
      [{ status: 'approved', amountFen: 20_000 }],
      20_000,
    ],
  ] as [string, number, { status: RefundStatus; amountFen: number }[], number][])(
    '%s',
    (_n, paid, refunds, expected) => {
      expect(refundableFen(paid, refunds)).toBe(expected);
    },
  );
});

describe('approvalOutcome (four eyes, threshold)', () => {
  const refund = { amountFen: 1_000_000, createdBy: 10, reviewedBy: 20, approverIds: [] as number[] };
  it.each([
    ['the applicant', { ...refund }, 10, { ok: false, rule: 'approver_is_applicant' }],
    ['the reviewer', { ...refund }, 20, { ok: false, rule: 'approver_is_reviewer' }],
    ['at the threshold one approval is enough', { ...refund }, 30, { ok: true, approved: true }],
    [
      'above it the first approval is not enough',
      { ...refund, amountFen: 1_000_001 },
      30,
      { ok: true, approved: false },
    ],
    [
      'a second, different approver completes it',
      { ...refund, amountFen: 1_000_001, approverIds: [30] },
      31,
      { ok: true, approved: true },
    ],
    [
      'the same approver twice is refused',
      { ...refund, amountFen: 1_000_001, approverIds: [30] },
      30,
      { ok: false, rule: 'already_approved_by_you' },
    ],
  ])('%s', (_n, r, approver, expected) => {
    expect(approvalOutcome(r, approver, 1_000_000)).toEqual(expected);
  });
});

describe('refund progress beside the status', () => {
  const base = { status: 'reviewed' as RefundStatus, lastReason: null, approvalCount: 0, approvalsNeeded: 2 };
  it.each([
    [
      'a draft sent back by the reviewer is returned',
      { ...base, status: 'draft', lastReason: '缺少凭证' },
      'returned',
    ],
    ['a fresh draft is just a draft', { ...base, status: 'draft' }, null],
    ['one of two approvals waits for a colleague', { ...base, approvalCount: 1 }, 'awaiting_second_approval'],
    ['no approval yet is plain reviewed', base, null],
    ['one of one approval is approved, not waiting', { ...base, approvalCount: 1, approvalsNeeded: 1 }, null],
    ['approved after two is not waiting', { ...base, status: 'approved', approvalCount: 2 }, null],
  ] as const)('%s', (_n, r, expected) => {
    expect(refundProgress(r)).toBe(expected);
  });

  it.each([
    [1_000_000, 1],
    [1_000_001, 2],
    [1, 1],
  ])('%i fen takes %i approval(s) at a 10,000 yuan threshold', (amount, needed) => {
    expect(approvalsNeeded(amount, 1_000_000)).toBe(needed);
  });
});

describe('the decision after refunds', () => {
  it.each([
    [20_000, 0, 'paid'],
    [20_000, 5_000, 'partially_refunded'],
    [20_000, 20_000, 'refunded'],
    [40_000, 20_000, 'partially_refunded'],
  ] as const)('paid %i, refunded %i → %s', (paid, refunded, status) => {
    expect(statusAfterRefund(paid, refunded)).toBe(status);
  });
});

describe('evidence is recognised by content', () => {
  it.each([
    ['%PDF-1.7 ...', 'application/pdf'],
    ['\xff\xd8\xff\xe0JFIF', 'image/jpeg'],
    ['\x89PNG\r\n\x1a\n....', 'image/png'],
    ['GIF89a', null],
    ['<html>%PDF-', null],
    ['', null],
  ])('%j → %s', (head, type) => {
    expect(evidenceType(Buffer.from(head, 'latin1'))).toBe(type);
  });
});

it('voucher numbers are per year and zero-padded', () => {
  expect(voucherNumber(2026, 7)).toBe('退〔2026〕000007号');
});
