import { type Action, type Refusal, type Resource, type ScopedRecord, stateRefusal } from '../../domain';
import type { Actor } from '../../domain/roles';
import { HttpError } from './errors';

const STATUS: Record<Refusal, number> = {
  wrong_state: 409,
  period_locked: 409,
  written_off: 409,
  not_reconciled: 409,
  already_signed: 409,
  four_eyes: 403,
  already_approved_by_you: 403,
  approver_is_applicant: 403,
  approver_is_reviewer: 403,
  not_your_step: 403,
  e_receipt_not_voidable: 422,
};

const MESSAGE: Record<Refusal, string> = {
  wrong_state: 'This step is not possible in the record’s current state',
  period_locked: 'The period is signed off and locked; reopen it first',
  written_off: 'The receipt is written off',
  not_reconciled: 'No reconciliation run has covered this month and bank yet',
  already_signed: 'This month is already signed for this bank',
  four_eyes: 'The proposer cannot decide on their own correction',
  already_approved_by_you: 'A second approval must come from a different finance user',
  approver_is_applicant: 'The applicant cannot approve their own refund',
  approver_is_reviewer: 'The reviewer cannot also approve the refund',
  not_your_step: 'This step belongs to another party',
  e_receipt_not_voidable: 'An electronic receipt is not voided; refund the payment',
};

export function refusalError(refusal: Refusal, code: string = refusal, detail?: string): HttpError {
  return new HttpError(STATUS[refusal], code, detail ? `${MESSAGE[refusal]}: ${detail}` : MESSAGE[refusal]);
}

/**
 * The record-state half of `can()`, on the server: the same state machine the SPA uses to hide or
 * disable the button. `codes` keeps a route's established error code where it predates the rule.
 */
export function assertStep(
  actor: Actor,
  action: Action,
  resource: Resource,
  record: ScopedRecord,
  codes: Partial<Record<Refusal, string>> = {},
  detail?: string,
): void {
  const refusal = stateRefusal(actor, action, resource, record);
  if (refusal) throw refusalError(refusal, codes[refusal], detail);
}
