import { type AgreementAction, type AgreementStatus, agreementTransition } from './agreements';
import {
  approvalRefusal,
  partyMayAct,
  REFUND_ACTION_ROLES,
  REFUND_STEPS,
  type RefundAction,
  type RefundStatus,
  refundPartyOf,
} from './refunds';
import { statementRefusal } from './reports';
import { type Actor, type Role, regionContains } from './roles';
import {
  correctionRefusal,
  discrepancyRefusal,
  FLAG_STEPS,
  type Machine,
  nextState,
  type Refusal,
  receiptVoidRefusal,
  STOCK_REQUEST_STEPS,
  signoffRefusal,
  WRITE_OFF_STEPS,
} from './workflows';

export const RESOURCES = [
  'users',
  'regions',
  'banks',
  'units',
  'departments',
  'agreements',
  'supervision-notes',
  'audit-events',
  'summary',
  'calendar-years',
  'calendar-entries',
  'deadline-calculator',
  'budget-subjects',
  'billing-codes',
  'treasuries',
  'institution-keys',
  'decisions',
  'collections',
  'paid-status-flags',
  'status-corrections',
  'refunds',
  'remittances',
  'remittance-transfers',
  'treasury-entries',
  'entry-feedback',
  'reconciliation-runs',
  'discrepancies',
  'reconciliation-signoffs',
  'receipt-types',
  'receipt-batches',
  'receipt-holdings',
  'receipts',
  'receipt-write-offs',
  'receipt-requests',
  'e-receipt-segments',
  'receipt-findings',
  'receipt-balance',
  'reports',
  'channel-stats',
  'reconciliation-statements',
] as const;
export type Resource = (typeof RESOURCES)[number];

export type Action =
  | 'list'
  | 'show'
  | 'create'
  | 'edit'
  | 'delete'
  | 'export'
  | AgreementAction
  | 'file'
  | 'lock'
  | 'unlock'
  | 'deactivate'
  | 'reset-password'
  | 'verify'
  | 'import'
  | 'retire'
  | 'rotate'
  | 'revoke'
  | 'reveal'
  | 'search'
  | 'review'
  | 'confirm'
  | 'reject'
  | RefundAction
  | 'print'
  | 'acknowledge'
  | 'explain'
  | 'resolve'
  | 'reopen'
  | 'allocate'
  | 'void'
  | 'dispute';

const READ = ['list', 'show'] as const;
const everyone: readonly Role[] = [
  'admin',
  'finance',
  'police',
  'dept',
  'treasury',
  'bank',
  'unit',
  'auditor',
];

type Grants = Partial<Record<Action, readonly Role[]>>;
const read = (roles: readonly Role[]): Grants => Object.fromEntries(READ.map((a) => [a, roles]));

/**
 * Role × resource × action. The README's permission matrix is printed from this table
 * (`npm run matrix`), so the documentation cannot drift from what the server enforces.
 */
export const PERMISSIONS: Record<Resource, Grants> = {
  users: {
    ...read(['admin', 'auditor']),
    create: ['admin'],
    edit: ['admin'],
    lock: ['admin'],
    unlock: ['admin'],
    deactivate: ['admin'],
    'reset-password': ['admin'],
  },
  regions: { ...read(everyone), create: ['admin'], edit: ['admin'] },
  banks: read(everyone),
  units: { ...read(everyone), create: ['finance'], edit: ['finance'] },
  departments: read(everyone),
  agreements: {
    ...read(['finance', 'treasury', 'police', 'auditor', 'bank']),
    create: ['finance'],
    edit: ['finance'],
    activate: ['finance'],
    suspend: ['finance'],
    terminate: ['finance'],
    file: ['finance'],
  },
  'supervision-notes': {
    ...read(['treasury', 'finance', 'auditor']),
    create: ['treasury'],
    edit: ['treasury'],
  },
  'audit-events': { ...read(['auditor', 'admin']), verify: ['auditor', 'admin'] },
  summary: { show: everyone },
  'calendar-years': { ...read(everyone), import: ['finance', 'admin'] },
  'calendar-entries': read(everyone),
  'deadline-calculator': { show: everyone },
  'budget-subjects': { ...read(everyone), create: ['finance'], edit: ['finance'] },
  'billing-codes': {
    ...read(everyone),
    create: ['finance'],
    edit: ['finance'],
    retire: ['finance'],
    import: ['finance'],
  },
  treasuries: { ...read(everyone), create: ['finance'], edit: ['finance'] },
  'institution-keys': {
    ...read(['finance', 'auditor']),
    create: ['finance'],
    rotate: ['finance'],
    revoke: ['finance'],
  },
  decisions: {
    ...read(['police', 'auditor', 'finance', 'treasury', 'unit', 'dept']),
    reveal: ['police', 'auditor'],
    // Looking a decision up by a full plate, ID number or name is as telling as revealing one.
    search: ['police', 'auditor'],
    import: ['police', 'unit'],
  },
  collections: read(['police', 'auditor', 'finance', 'treasury', 'bank', 'unit', 'dept']),
  'paid-status-flags': { ...read(['police', 'auditor']), review: ['police'] },
  'status-corrections': {
    ...read(['police', 'auditor']),
    create: ['police'],
    confirm: ['police'],
    reject: ['police'],
  },
  refunds: {
    ...read(['unit', 'dept', 'police', 'finance', 'treasury', 'auditor']),
    create: ['unit'],
    edit: ['unit'],
    ...REFUND_ACTION_ROLES,
    print: ['finance'],
  },
  remittances: read(['treasury', 'finance', 'auditor', 'bank']),
  'remittance-transfers': read(['treasury', 'finance', 'auditor', 'bank']),
  'treasury-entries': {
    ...read(['treasury', 'finance', 'auditor']),
    create: ['treasury'],
    import: ['treasury'],
  },
  'entry-feedback': { ...read(['finance', 'treasury', 'auditor', 'bank']), acknowledge: ['finance'] },
  'reconciliation-runs': {
    ...read(['finance', 'treasury', 'police', 'auditor', 'bank']),
    create: ['finance', 'treasury'],
  },
  discrepancies: {
    ...read(['finance', 'treasury', 'police', 'auditor', 'bank']),
    explain: ['bank', 'treasury', 'finance'],
    resolve: ['finance'],
  },
  'reconciliation-signoffs': {
    ...read(['finance', 'treasury', 'police', 'auditor', 'bank']),
    create: ['finance', 'police', 'bank'],
    reopen: ['finance'],
  },
  'receipt-types': read(everyone),
  'receipt-batches': { ...read(['finance', 'auditor']), create: ['finance'] },
  // Finance moves stock down (发放) and back; units see what they hold.
  'receipt-holdings': { ...read(['finance', 'unit', 'auditor']), allocate: ['finance'] },
  receipts: {
    ...read(['finance', 'unit', 'auditor', 'police']),
    create: ['unit'],
    void: ['unit'],
  },
  'receipt-write-offs': {
    ...read(['finance', 'unit', 'auditor']),
    create: ['unit'],
    approve: ['finance'],
    reject: ['finance'],
  },
  // Approving a request allocates the stock to the unit in the same step.
  'receipt-requests': {
    ...read(['finance', 'unit', 'auditor']),
    create: ['unit'],
    approve: ['finance'],
    reject: ['finance'],
  },
  'e-receipt-segments': { ...read(['finance', 'unit', 'auditor']), create: ['finance'] },
  'receipt-findings': read(['finance', 'unit', 'auditor']),
  'receipt-balance': { show: ['finance', 'unit', 'auditor'] },
  // 月报表: whoever reads collections, each in the collections' scope.
  reports: {
    show: ['finance', 'treasury', 'auditor', 'police', 'bank', 'unit', 'dept'],
    export: ['finance', 'treasury', 'auditor', 'police', 'bank', 'unit', 'dept'],
  },
  'channel-stats': { show: ['finance', 'treasury', 'auditor'] },
  // 对账表: the treasury produces it per unit and bank, the unit confirms or disputes it.
  'reconciliation-statements': {
    ...read(['treasury', 'finance', 'auditor', 'unit', 'bank']),
    export: ['treasury', 'finance', 'auditor', 'unit', 'bank'],
    create: ['treasury'],
    confirm: ['unit'],
    dispute: ['unit'],
  },
};

/** A record as far as permissions care: its scope keys and, for workflows, its state and actors. */
export interface ScopedRecord {
  regionCode?: string | null;
  bankId?: string | null;
  unitId?: number | null;
  status?: string;
  filedOn?: string | null;
  /** Discrepancies, status corrections and flags name their state `state`. */
  state?: string;
  /** A discrepancy's type decides who explains it. */
  type?: string;
  /** A receipt's type: electronic receipts are refunded, never voided. */
  typeCode?: string;
  writtenOffAt?: unknown;
  /** The month of a discrepancy is signed off by all three parties. */
  locked?: boolean;
  /** Refund four eyes: applicant, reviewer and finance users who approved already. */
  createdBy?: number;
  reviewedBy?: number | null;
  approvals?: readonly { userId: number }[];
  /** Refund reviewer: police HQ for traffic-police units, the unit's department otherwise. */
  unitKind?: string | null;
  unitDepartmentId?: number | null;
  /** Status correction four eyes. */
  proposedBy?: number;
  /** A month's sign-off for one bank: covered by a run, already signed by the user's side. */
  reconciled?: boolean;
  signed?: boolean;
}

function inScope(user: Actor, record: ScopedRecord): boolean {
  if (user.role === 'bank' && record.bankId !== undefined && record.bankId !== user.bankId) return false;
  if (user.role === 'unit' && record.unitId !== undefined && record.unitId !== user.unitId) return false;
  if (record.regionCode) {
    // A record of a wider region (a provincial agreement) is visible to its sub-regions' readers too.
    return (
      regionContains(user.regionCode, record.regionCode) || regionContains(record.regionCode, user.regionCode)
    );
  }
  return true;
}

function refundRefusal(user: Actor, action: Action, record: ScopedRecord): Refusal | null {
  const status = record.status as RefundStatus;
  if (action === 'edit') return status === 'draft' ? null : 'wrong_state';
  if (action === 'print') return status === 'voucher_issued' || status === 'executed' ? null : 'wrong_state';
  const step = REFUND_STEPS[action as RefundAction];
  if (!step) return null;
  // Whose step it is answers first (403 before 409), as the server does; a record that does not say
  // its unit's kind leaves that to the server.
  if (record.unitKind !== undefined && record.unitId != null) {
    const party = refundPartyOf(user, { ...record, unitId: record.unitId });
    if (!party || !step.by.includes(party)) return 'not_your_step';
    if (!partyMayAct(action as RefundAction, party, status)) return 'wrong_state';
  }
  if (!step.from.includes(status)) return 'wrong_state';
  if (action === 'approve' && record.approvals)
    return approvalRefusal(
      {
        createdBy: record.createdBy,
        reviewedBy: record.reviewedBy,
        approverIds: record.approvals.map((a) => a.userId),
      },
      user.id,
    );
  return null;
}

function agreementRefusal(action: Action, record: ScopedRecord): Refusal | null {
  const status = record.status as AgreementStatus;
  const ok = (b: boolean): Refusal | null => (b ? null : 'wrong_state');
  if (action === 'activate' || action === 'suspend' || action === 'terminate')
    return ok(agreementTransition(status, action) !== null);
  if (action === 'file') return ok(record.filedOn == null && status !== 'terminated');
  if (action === 'edit') return ok(status !== 'terminated');
  return null;
}

const stepOf = <S extends string, A extends string>(machine: Machine<S, A>, state: string, action: Action) =>
  action in machine && !nextState(machine, state as S, action as A) ? 'wrong_state' : null;

/**
 * What stops an allowed role from taking `action` on this record in its current state: the rule
 * the server answers with (409/403/422), and the reason the SPA shows on a disabled button.
 */
export function stateRefusal(
  user: Actor,
  action: Action,
  resource: Resource,
  record: ScopedRecord,
): Refusal | null {
  const state = record.state ?? record.status;
  if (resource === 'reconciliation-signoffs' && action === 'create') return signoffRefusal(record);
  if (state === undefined) return null;
  switch (resource) {
    case 'refunds':
      return refundRefusal(user, action, record);
    case 'agreements':
      return agreementRefusal(action, record);
    case 'receipt-write-offs':
      return stepOf(WRITE_OFF_STEPS, state, action);
    case 'receipt-requests':
      return stepOf(STOCK_REQUEST_STEPS, state, action);
    case 'receipts':
      return action === 'void' ? receiptVoidRefusal({ ...record, status: state }) : null;
    case 'discrepancies':
      return action === 'explain' || action === 'resolve'
        ? discrepancyRefusal(user.role, action, { ...record, state })
        : null;
    case 'status-corrections':
      return action === 'confirm' || action === 'reject'
        ? correctionRefusal(user.id, action, { ...record, state })
        : null;
    case 'paid-status-flags':
      return stepOf(FLAG_STEPS, state, action);
    case 'reconciliation-statements':
      return action === 'confirm' || action === 'dispute' ? statementRefusal(state) : null;
    default:
      return null;
  }
}

/** Why `can()` says no: the role never may, the record is outside the user's scope, or its state. */
export type Denial = 'role' | 'scope' | Refusal;

export function denial(
  user: Actor | null,
  action: Action,
  resource: Resource,
  record?: ScopedRecord,
): Denial | null {
  if (!user) return 'role';
  const roles = PERMISSIONS[resource]?.[action];
  if (!roles?.includes(user.role)) return 'role';
  if (!record) return null;
  if (!inScope(user, record)) return 'scope';
  return stateRefusal(user, action, resource, record);
}

/**
 * The one authorization rule, used by the server on every route and by the SPA's canAccess.
 * Without a record it answers "may this role ever do this?"; with one it adds scope, state and
 * the acting user (four eyes).
 */
export function can(user: Actor | null, action: Action, resource: Resource, record?: ScopedRecord): boolean {
  return denial(user, action, resource, record) === null;
}

/** Audit actions the admin may read: authentication and user management only. */
export const ADMIN_AUDIT_RESOURCES = ['auth', 'users', 'regions', 'calendar-years'] as const;
