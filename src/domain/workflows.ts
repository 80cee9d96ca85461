import { DISCREPANCY_OWNER, type DiscrepancyType } from './reconciliation';
import type { Role } from './roles';

/**
 * Every workflow's state machine, so the server refuses and the SPA hides the same transitions.
 * Refunds (`refunds.ts`) and agreements (`agreements.ts`) keep theirs next to their schemas.
 */
export type Machine<S extends string, A extends string> = Record<A, { from: readonly S[]; to: S }>;

/** The state an action leads to, or null when the action is not allowed from `state`. */
export function nextState<S extends string, A extends string>(
  machine: Machine<S, A>,
  state: S,
  action: A,
): S | null {
  const step = machine[action];
  return step?.from.includes(state) ? step.to : null;
}

// 缴销 write-off of used receipt stubs: the unit asks once, finance decides once.
export type WriteOffStatus = 'requested' | 'approved' | 'rejected';
export const WRITE_OFF_STEPS: Machine<WriteOffStatus, 'approve' | 'reject'> = {
  approve: { from: ['requested'], to: 'approved' },
  reject: { from: ['requested'], to: 'rejected' },
};

// 申请领用 stock request: fulfilling it (approve) allocates the stock in the same step.
export type StockRequestStatus = 'requested' | 'fulfilled' | 'rejected';
export const STOCK_REQUEST_STEPS: Machine<StockRequestStatus, 'approve' | 'reject'> = {
  approve: { from: ['requested'], to: 'fulfilled' },
  reject: { from: ['requested'], to: 'rejected' },
};

// A receipt is issued once and may be voided once, while its stub is not yet written off.
export type ReceiptStatus = 'issued' | 'void';
export const RECEIPT_STEPS: Machine<ReceiptStatus, 'void'> = {
  void: { from: ['issued'], to: 'void' },
};

// 对账差异: the owner explains, finance resolves (with or without an explanation first).
export type DiscrepancyStateName = 'open' | 'explained' | 'resolved';
export const DISCREPANCY_STEPS: Machine<DiscrepancyStateName, 'explain' | 'resolve'> = {
  explain: { from: ['open'], to: 'explained' },
  resolve: { from: ['open', 'explained'], to: 'resolved' },
};

// Manual paid-status correction: proposed by one police officer, decided by another.
export type CorrectionState = 'proposed' | 'confirmed' | 'rejected';
export const STATUS_CORRECTION_STEPS: Machine<CorrectionState, 'confirm' | 'reject'> = {
  confirm: { from: ['proposed'], to: 'confirmed' },
  reject: { from: ['proposed'], to: 'rejected' },
};

// Paid-status anomaly flags: reviewed once by police HQ.
export type FlagState = 'open' | 'reviewed';
export const FLAG_STEPS: Machine<FlagState, 'review'> = {
  review: { from: ['open'], to: 'reviewed' },
};

/**
 * Why an allowed role still may not act on this record. `wrong_state` means the step does not
 * exist from here (hide it); the others are worth telling the user (a disabled button with the reason).
 */
export const REFUSALS = [
  'wrong_state',
  'four_eyes',
  'already_approved_by_you',
  'approver_is_applicant',
  'approver_is_reviewer',
  'not_your_step',
  'period_locked',
  'written_off',
  'e_receipt_not_voidable',
  'not_reconciled',
  'already_signed',
] as const;
export type Refusal = (typeof REFUSALS)[number];

/** Refusals the SPA shows as a disabled button with the reason; every other one hides the button. */
export const EXPLAINED_REFUSALS: readonly Refusal[] = REFUSALS.filter((r) => r !== 'wrong_state');

export function receiptVoidRefusal(r: {
  status: string;
  typeCode?: string | null;
  writtenOffAt?: unknown;
}): Refusal | null {
  if (r.typeCode === 'e_receipt') return 'e_receipt_not_voidable';
  if (!nextState(RECEIPT_STEPS, r.status as ReceiptStatus, 'void')) return 'wrong_state';
  if (r.writtenOffAt) return 'written_off';
  return null;
}

/** The owner (or finance) explains; nobody acts on a resolved finding or inside a signed-off month. */
export function discrepancyRefusal(
  role: Role,
  action: 'explain' | 'resolve',
  d: { state: string; type?: string; locked?: boolean },
): Refusal | null {
  // Whose step it is answers first (403 before 409), as everywhere in the API.
  const owner = d.type ? DISCREPANCY_OWNER[d.type as DiscrepancyType] : undefined;
  if (action === 'explain' && owner && role !== owner && role !== 'finance') return 'not_your_step';
  if (!nextState(DISCREPANCY_STEPS, d.state as DiscrepancyStateName, action)) return 'wrong_state';
  if (d.locked) return 'period_locked';
  return null;
}

/** Four eyes: whoever proposed a correction may neither confirm nor reject it. */
export function correctionRefusal(
  userId: number,
  action: 'confirm' | 'reject',
  c: { state: string; proposedBy?: number },
): Refusal | null {
  if (c.proposedBy === userId) return 'four_eyes';
  if (!nextState(STATUS_CORRECTION_STEPS, c.state as CorrectionState, action)) return 'wrong_state';
  return null;
}

/** A month per bank is signed once per role, and only after a reconciliation run covered it. */
export function signoffRefusal(s: { reconciled?: boolean; signed?: boolean }): Refusal | null {
  if (s.signed) return 'already_signed';
  if (s.reconciled === false) return 'not_reconciled';
  return null;
}
