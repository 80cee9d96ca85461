import { type AgreementAction, type AgreementStatus, agreementTransition } from './agreements';
import { REFUND_ACTION_ROLES, REFUND_STEPS, type RefundAction, type RefundStatus } from './refunds';
import { type Actor, type Role, regionContains } from './roles';

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
  | 'void';

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
};

/** A record as far as permissions care: its scope keys and, for workflows, its state. */
export interface ScopedRecord {
  regionCode?: string | null;
  bankId?: string | null;
  unitId?: number | null;
  status?: string;
  filedOn?: string | null;
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

function refundStateAllows(action: Action, status: RefundStatus): boolean {
  if (action === 'edit') return status === 'draft';
  if (action === 'print') return status === 'voucher_issued' || status === 'executed';
  const step = REFUND_STEPS[action as RefundAction];
  return step ? step.from.includes(status) : true;
}

function stateAllows(resource: Resource, action: Action, record: ScopedRecord): boolean {
  if (record.status === undefined) return true;
  if (resource === 'refunds') return refundStateAllows(action, record.status as RefundStatus);
  if (resource !== 'agreements') return true;
  const status = record.status as AgreementStatus;
  if (action === 'activate' || action === 'suspend' || action === 'terminate')
    return agreementTransition(status, action) !== null;
  if (action === 'file') return record.filedOn == null && status !== 'terminated';
  if (action === 'edit') return status !== 'terminated';
  return true;
}

/**
 * The one authorization rule, used by the server on every route and by the SPA's canAccess.
 * Without a record it answers "may this role ever do this?"; with one it adds scope and state.
 */
export function can(user: Actor | null, action: Action, resource: Resource, record?: ScopedRecord): boolean {
  if (!user) return false;
  const roles = PERMISSIONS[resource]?.[action];
  if (!roles?.includes(user.role)) return false;
  if (!record) return true;
  return inScope(user, record) && stateAllows(resource, action, record);
}

/** Audit actions the admin may read: authentication and user management only. */
export const ADMIN_AUDIT_RESOURCES = ['auth', 'users', 'regions', 'calendar-years'] as const;
