import { describe, expect, it } from 'vitest';
import { type Action, can, denial, type Resource, type ScopedRecord } from './permissions';
import type { Actor, Role } from './roles';
import {
  correctionRefusal,
  DISCREPANCY_STEPS,
  discrepancyRefusal,
  FLAG_STEPS,
  nextState,
  RECEIPT_STEPS,
  receiptVoidRefusal,
  STATUS_CORRECTION_STEPS,
  STOCK_REQUEST_STEPS,
  signoffRefusal,
  WRITE_OFF_STEPS,
} from './workflows';

const actor = (role: Role, extra: Partial<Actor> = {}): Actor => ({
  id: 10,
  username: role,
  role,
  regionCode: '63',
  unitId: null,
  bankId: null,
  departmentId: null,
  ...extra,
});

describe('state machines', () => {
  it.each([
    ['write-off approve', nextState(WRITE_OFF_STEPS, 'requested', 'approve'), 'approved'],
    ['write-off reject', nextState(WRITE_OFF_STEPS, 'requested', 'reject'), 'rejected'],
    ['write-off approve twice', nextState(WRITE_OFF_STEPS, 'approved', 'approve'), null],
    ['write-off reject after approve', nextState(WRITE_OFF_STEPS, 'approved', 'reject'), null],
    ['write-off approve after reject', nextState(WRITE_OFF_STEPS, 'rejected', 'approve'), null],
    ['request fulfil', nextState(STOCK_REQUEST_STEPS, 'requested', 'approve'), 'fulfilled'],
    ['request decline', nextState(STOCK_REQUEST_STEPS, 'requested', 'reject'), 'rejected'],
    ['request fulfil twice', nextState(STOCK_REQUEST_STEPS, 'fulfilled', 'approve'), null],
    ['request decline fulfilled', nextState(STOCK_REQUEST_STEPS, 'fulfilled', 'reject'), null],
    ['receipt void', nextState(RECEIPT_STEPS, 'issued', 'void'), 'void'],
    ['receipt void twice', nextState(RECEIPT_STEPS, 'void', 'void'), null],
    ['discrepancy explain', nextState(DISCREPANCY_STEPS, 'open', 'explain'), 'explained'],
    ['discrepancy explain again', nextState(DISCREPANCY_STEPS, 'explained', 'explain'), null],
    ['discrepancy resolve open', nextState(DISCREPANCY_STEPS, 'open', 'resolve'), 'resolved'],
    ['discrepancy resolve explained', nextState(DISCREPANCY_STEPS, 'explained', 'resolve'), 'resolved'],
    ['discrepancy resolve resolved', nextState(DISCREPANCY_STEPS, 'resolved', 'resolve'), null],
    ['correction confirm', nextState(STATUS_CORRECTION_STEPS, 'proposed', 'confirm'), 'confirmed'],
    ['correction reject', nextState(STATUS_CORRECTION_STEPS, 'proposed', 'reject'), 'rejected'],
    ['correction confirm rejected', nextState(STATUS_CORRECTION_STEPS, 'rejected', 'confirm'), null],
    ['flag review', nextState(FLAG_STEPS, 'open', 'review'), 'reviewed'],
    ['flag review twice', nextState(FLAG_STEPS, 'reviewed', 'review'), null],
  ])('%s → %s', (_, got, expected) => expect(got).toBe(expected));
});

describe('refusals', () => {
  it.each([
    ['paper receipt issued', receiptVoidRefusal({ status: 'issued', typeCode: 'payment_form' }), null],
    ['receipt voided', receiptVoidRefusal({ status: 'void', typeCode: 'payment_form' }), 'wrong_state'],
    [
      'receipt written off',
      receiptVoidRefusal({ status: 'issued', typeCode: 'onsite_receipt', writtenOffAt: '2026-03-01' }),
      'written_off',
    ],
    ['e-receipt', receiptVoidRefusal({ status: 'issued', typeCode: 'e_receipt' }), 'e_receipt_not_voidable'],
    [
      'bank explains its own',
      discrepancyRefusal('bank', 'explain', { state: 'open', type: 'amount_mismatch' }),
      null,
    ],
    [
      'bank explains the treasury’s',
      discrepancyRefusal('bank', 'explain', { state: 'open', type: 'remitted_not_entered' }),
      'not_your_step',
    ],
    [
      'finance explains any',
      discrepancyRefusal('finance', 'explain', { state: 'open', type: 'remitted_not_entered' }),
      null,
    ],
    [
      'locked month',
      discrepancyRefusal('finance', 'resolve', { state: 'open', type: 'duplicate', locked: true }),
      'period_locked',
    ],
    ['resolved', discrepancyRefusal('finance', 'resolve', { state: 'resolved' }), 'wrong_state'],
    ['own correction', correctionRefusal(4, 'confirm', { state: 'proposed', proposedBy: 4 }), 'four_eyes'],
    ['other’s correction', correctionRefusal(5, 'confirm', { state: 'proposed', proposedBy: 4 }), null],
    [
      'decided correction',
      correctionRefusal(5, 'reject', { state: 'confirmed', proposedBy: 4 }),
      'wrong_state',
    ],
    ['no run yet', signoffRefusal({ reconciled: false }), 'not_reconciled'],
    ['already signed', signoffRefusal({ reconciled: true, signed: true }), 'already_signed'],
    ['ready to sign', signoffRefusal({ reconciled: true, signed: false }), null],
  ])('%s → %s', (_, got, expected) => expect(got).toBe(expected));
});

describe('state-aware can()', () => {
  const finance = actor('finance', { id: 2 });
  const finance2 = actor('finance', { id: 3 });
  const police = actor('police', { id: 4 });
  const police2 = actor('police', { id: 5 });
  const unit = actor('unit', { id: 7, unitId: 1, regionCode: '630102' });
  const icbc = actor('bank', { id: 8, bankId: 'ICBC' });
  const treasury = actor('treasury', { id: 9 });
  const twoApprover = { status: 'reviewed', createdBy: 7, reviewedBy: 4, approvals: [{ userId: 2 }] };
  it.each<[string, Actor, Action, Resource, ScopedRecord, string | null]>([
    ['write-off waiting', finance, 'approve', 'receipt-write-offs', { status: 'requested' }, null],
    ['write-off decided', finance, 'approve', 'receipt-write-offs', { status: 'approved' }, 'wrong_state'],
    ['write-off rejected', finance, 'reject', 'receipt-write-offs', { status: 'rejected' }, 'wrong_state'],
    ['request fulfilled', finance, 'approve', 'receipt-requests', { status: 'fulfilled' }, 'wrong_state'],
    ['request declined', finance, 'reject', 'receipt-requests', { status: 'rejected' }, 'wrong_state'],
    ['request waiting', finance, 'approve', 'receipt-requests', { status: 'requested' }, null],
    ['voided receipt', unit, 'void', 'receipts', { status: 'void', unitId: 1 }, 'wrong_state'],
    [
      'issued receipt',
      unit,
      'void',
      'receipts',
      { status: 'issued', unitId: 1, typeCode: 'payment_form' },
      null,
    ],
    ['other unit’s receipt', unit, 'void', 'receipts', { status: 'issued', unitId: 2 }, 'scope'],
    ['finance voids', finance, 'void', 'receipts', { status: 'issued' }, 'role'],
    [
      'treasury’s discrepancy',
      icbc,
      'explain',
      'discrepancies',
      { state: 'open', bankId: 'ICBC', type: 'remitted_not_entered' },
      'not_your_step',
    ],
    [
      'own discrepancy',
      icbc,
      'explain',
      'discrepancies',
      { state: 'open', bankId: 'ICBC', type: 'amount_mismatch' },
      null,
    ],
    [
      'locked discrepancy',
      treasury,
      'explain',
      'discrepancies',
      { state: 'open', type: 'remitted_not_entered', locked: true },
      'period_locked',
    ],
    [
      'own correction',
      police,
      'confirm',
      'status-corrections',
      { state: 'proposed', proposedBy: 4 },
      'four_eyes',
    ],
    [
      'own correction reject',
      police,
      'reject',
      'status-corrections',
      { state: 'proposed', proposedBy: 4 },
      'four_eyes',
    ],
    ['second officer', police2, 'confirm', 'status-corrections', { state: 'proposed', proposedBy: 4 }, null],
    ['flag reviewed', police, 'review', 'paid-status-flags', { state: 'reviewed' }, 'wrong_state'],
    ['flag open', police, 'review', 'paid-status-flags', { state: 'open' }, null],
    ['second approval by the same', finance, 'approve', 'refunds', twoApprover, 'already_approved_by_you'],
    ['second approval by another', finance2, 'approve', 'refunds', twoApprover, null],
    ['approve a draft', finance2, 'approve', 'refunds', { status: 'draft', approvals: [] }, 'wrong_state'],
    ['execute issued voucher', treasury, 'execute', 'refunds', { status: 'voucher_issued' }, null],
    ['activate an active agreement', finance, 'activate', 'agreements', { status: 'active' }, 'wrong_state'],
    [
      'sign before a run',
      police,
      'create',
      'reconciliation-signoffs',
      { reconciled: false },
      'not_reconciled',
    ],
    [
      'bank signs another bank',
      icbc,
      'create',
      'reconciliation-signoffs',
      { bankId: 'ABC', reconciled: true },
      'scope',
    ],
    [
      'bank signs its own',
      icbc,
      'create',
      'reconciliation-signoffs',
      { bankId: 'ICBC', reconciled: true },
      null,
    ],
  ])('%s', (_, user, action, resource, record, expected) => {
    expect(denial(user, action, resource, record)).toBe(expected);
    expect(can(user, action, resource, record)).toBe(expected === null);
  });

  // Police HQ reviews traffic-police units' applications, a department only its own other units'.
  const dept = actor('dept', { id: 11, departmentId: 3 });
  const traffic = { unitId: 1, unitKind: 'traffic_police', unitDepartmentId: 3 };
  const market = { unitId: 2, unitKind: 'market_regulation', unitDepartmentId: 3 };
  const otherDept = { unitId: 3, unitKind: 'market_regulation', unitDepartmentId: 4 };
  it.each<[string, Actor, Action, ScopedRecord, string | null]>([
    ['police reviews a traffic unit', police, 'review', { status: 'submitted', ...traffic }, null],
    ['police returns a traffic unit', police, 'return', { status: 'submitted', ...traffic }, null],
    ['police on a market unit', police, 'review', { status: 'submitted', ...market }, 'not_your_step'],
    ['dept on a traffic unit', dept, 'review', { status: 'submitted', ...traffic }, 'not_your_step'],
    ['dept returns its own unit', dept, 'return', { status: 'submitted', ...market }, null],
    ['dept on another dept’s unit', dept, 'review', { status: 'submitted', ...otherDept }, 'not_your_step'],
    ['reviewer rejects what is before it', police, 'reject', { status: 'submitted', ...traffic }, null],
    ['reviewer rejects after review', police, 'reject', { status: 'reviewed', ...traffic }, 'wrong_state'],
    ['finance rejects before review', finance, 'reject', { status: 'submitted', ...traffic }, 'wrong_state'],
    ['finance rejects after review', finance, 'reject', { status: 'reviewed', ...traffic }, null],
    ['unit submits its draft', unit, 'submit', { status: 'draft', ...traffic }, null],
  ])('refund party: %s', (_, user, action, record, expected) => {
    expect(denial(user, action, 'refunds', record)).toBe(expected);
  });
});
