import { describe, expect, it } from 'vitest';
import {
  type Actor,
  ADMIN_AUDIT_RESOURCES,
  type AgreementAction,
  type AgreementStatus,
  addCalendarDays,
  agreementInputProblems,
  agreementInputSchema,
  agreementTransition,
  can,
  daysBetween,
  filingDueDate,
  InvalidDateError,
  isFilingOverdue,
  isIsoDate,
  isPlausibleEventTime,
  isRealInstant,
  maskAccount,
  maskMiddle,
  PERMISSIONS,
  passwordSchema,
  RESOURCES,
  ROLES,
  regionContains,
  shanghaiDate,
  shanghaiMidnight,
  userLinkProblems,
  withReadOnly,
} from './index';

const actor = (role: Actor['role'], extra: Partial<Actor> = {}): Actor => ({
  id: 1,
  username: role,
  role,
  regionCode: '63',
  unitId: null,
  bankId: null,
  departmentId: null,
  ...extra,
});

describe('dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-1-01', false],
    ['2025-13-01', false],
    ['2025-12-31', true],
    ['20250101', false],
    ['0001-01-01', true],
    ['0099-02-29', false],
  ])('isIsoDate(%s) = %s', (d, ok) => expect(isIsoDate(d)).toBe(ok));

  // Date.parse would roll every false case but the malformed ones over to a neighbouring day.
  it.each([
    ['2026-03-10T10:00:00+08:00', true],
    ['2026-03-10T10:00Z', true],
    ['2026-03-10T23:59:59.123456789-05:30', true],
    ['0001-01-01T00:00:00Z', true],
    ['2026-02-30T10:00:00+08:00', false],
    ['2026-04-31T10:00:00+08:00', false],
    ['2026-03-10T24:00:00+08:00', false],
    ['2026-03-10T10:60:00+08:00', false],
    ['2026-03-10T10:00:60+08:00', false],
    ['2026-03-10T10:00:00+15:00', false],
    ['2026-03-10T10:00:00', false],
    ['2026-03-10 10:00:00+08:00', false],
  ])('isRealInstant(%s) = %s', (v, ok) => expect(isRealInstant(v)).toBe(ok));

  const now = new Date('2026-03-16T02:00:00Z');
  it.each([
    ['2026-03-16T01:00:00Z', true],
    ['2025-03-16T03:00:00Z', true],
    ['2025-03-15T01:00:00Z', false],
    ['2026-03-17T01:59:00Z', true],
    ['2026-03-17T02:01:00Z', false],
    ['0001-01-01T00:00:00Z', false],
    ['9999-12-31T00:00:00Z', false],
  ])('isPlausibleEventTime(%s) within 366 days back, one ahead = %s', (v, ok) =>
    expect(isPlausibleEventTime(new Date(v), now, 366)).toBe(ok),
  );

  it.each([
    ['2025-03-03', 15, '2025-03-18'],
    ['2025-12-25', 10, '2026-01-04'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2025-03-01', -1, '2025-02-28'],
  ])('addCalendarDays(%s, %i) = %s', (d, n, out) => expect(addCalendarDays(d, n)).toBe(out));

  it('daysBetween counts calendar days and refuses invalid dates', () => {
    expect(daysBetween('2025-03-18', '2025-03-20')).toBe(2);
    expect(daysBetween('2025-03-20', '2025-03-18')).toBe(-2);
    expect(() => daysBetween('2025-02-30', '2025-03-01')).toThrow(InvalidDateError);
  });

  it.each([
    ['2025-03-03T16:00:00Z', '2025-03-04'],
    ['2025-03-03T15:59:59.999Z', '2025-03-03'],
    ['2025-12-31T16:30:00+00:00', '2026-01-01'],
  ])('shanghaiDate(%s) = %s whatever the machine time zone', (instant, date) =>
    expect(shanghaiDate(new Date(instant))).toBe(date),
  );

  it('shanghaiMidnight is the start of the Shanghai day', () => {
    expect(shanghaiMidnight('2025-03-04').toISOString()).toBe('2025-03-03T16:00:00.000Z');
    expect(shanghaiDate(shanghaiMidnight('2026-02-15'))).toBe('2026-02-15');
  });
});

describe('masking', () => {
  it.each([
    ['6222000011112222333', '6222***********2333'],
    ['123456789', '1234*6789'],
  ])('maskAccount(%s) = %s', (input, out) => expect(maskAccount(input)).toBe(out));

  it('keeps one star per hidden character, also for CJK', () => {
    expect(maskMiddle('叶小梅', 1, 1)).toBe('叶*梅');
    expect(maskMiddle('欧阳娜娜', 1, 1)).toBe('欧**娜');
  });

  it.each([
    ['1', '*'],
    ['12', '1*'],
    ['1234', '12**'],
    ['12345678', '1234****'],
  ])('a short value %s still hides at least half: %s', (input, out) => expect(maskAccount(input)).toBe(out));
});

describe('agreement state machine', () => {
  const table: [AgreementStatus, AgreementAction, AgreementStatus | null][] = [
    ['draft', 'activate', 'active'],
    ['draft', 'suspend', null],
    ['draft', 'terminate', 'terminated'],
    ['active', 'activate', null],
    ['active', 'suspend', 'suspended'],
    ['active', 'terminate', 'terminated'],
    ['suspended', 'activate', 'active'],
    ['suspended', 'suspend', null],
    ['suspended', 'terminate', 'terminated'],
    ['terminated', 'activate', null],
    ['terminated', 'suspend', null],
    ['terminated', 'terminate', null],
  ];
  it.each(table)('%s --%s--> %s', (from, action, to) => expect(agreementTransition(from, action)).toBe(to));

  it.each([
    ['2026-03-10', null, '2026-03-25', false],
    ['2026-03-10', null, '2026-03-26', true],
    ['2026-03-10', '2026-04-30', '2026-05-01', false],
  ])(
    'signed %s filed %s: overdue on %s = %s (due 15 calendar days after signing)',
    (signed, filed, today, overdue) => {
      expect(filingDueDate(signed)).toBe('2026-03-25');
      expect(isFilingOverdue(signed, filed, today)).toBe(overdue);
    },
  );

  const valid = {
    bankId: 'ICBC',
    regionCode: '63',
    agreementNo: 'A-1',
    accountName: 'x',
    accountNumber: '6222000011112222',
    accountBranch: 'y',
    remittanceMethod: 'direct',
    dataExchangeMethod: 'batch_file',
    cutoffTime: '15:30',
    signedOn: '2026-03-10',
    effectiveFrom: '2026-03-11',
  };
  it('accepts a valid agreement', () => expect(agreementInputSchema.safeParse(valid).success).toBe(true));
  it.each([
    ['unknown key', { colour: 'red' }, 'colour'],
    ['cut-off 24:00', { cutoffTime: '24:00' }, 'cutoffTime'],
    ['cut-off 9:30', { cutoffTime: '9:30' }, 'cutoffTime'],
    ['letters in account', { accountNumber: '6222ABC0111122' }, 'accountNumber'],
    ['impossible date', { signedOn: '2026-02-30' }, 'signedOn'],
    ['empty name', { accountName: '  ' }, 'accountName'],
  ])('rejects %s', (_name, patch, field) => {
    const r = agreementInputSchema.safeParse({ ...valid, ...patch });
    expect(r.success).toBe(false);
    const fields = r.error!.issues.flatMap((i) =>
      i.code === 'unrecognized_keys' ? i.keys : [i.path.join('.')],
    );
    expect(fields).toContain(field);
  });
  it('cross-field rules name the field', () => {
    expect(
      agreementInputProblems({
        signedOn: '2026-03-10',
        effectiveFrom: '2026-03-11',
        effectiveTo: '2026-03-01',
      }),
    ).toHaveProperty('effectiveTo');
    expect(agreementInputProblems({ signedOn: '2026-03-10', effectiveFrom: '2026-03-09' })).toHaveProperty(
      'effectiveFrom',
    );
    expect(
      agreementInputProblems({ signedOn: '2026-03-10', effectiveFrom: '2026-03-10', effectiveTo: null }),
    ).toEqual({});
  });
});

describe('can()', () => {
  const bank = actor('bank', { bankId: 'ICBC' });
  const unit = actor('unit', { unitId: 1, regionCode: '630102' });
  it.each([
    [actor('finance'), 'create', 'agreements', true],
    [actor('finance'), 'activate', 'agreements', true],
    [actor('police'), 'edit', 'agreements', false],
    [actor('police'), 'list', 'agreements', true],
    [bank, 'list', 'agreements', true],
    [bank, 'create', 'agreements', false],
    [unit, 'list', 'agreements', false],
    [actor('admin'), 'edit', 'agreements', false],
    [actor('admin'), 'list', 'users', true],
    [actor('finance'), 'list', 'users', false],
    [actor('treasury'), 'create', 'supervision-notes', true],
    [actor('finance'), 'create', 'supervision-notes', false],
    [actor('finance'), 'list', 'supervision-notes', true],
    [actor('auditor'), 'list', 'audit-events', true],
    [actor('auditor'), 'edit', 'agreements', false],
    [actor('police'), 'list', 'audit-events', false],
  ] as const)('%o %s %s = %s', (user, action, resource, allowed) =>
    expect(can(user, action, resource)).toBe(allowed),
  );

  it('nobody can do anything without a session', () => {
    for (const resource of RESOURCES)
      for (const action of Object.keys(PERMISSIONS[resource]))
        expect(can(null, action as never, resource)).toBe(false);
  });

  it('matches the permission table for every role, resource and action', () => {
    for (const resource of RESOURCES)
      for (const [action, roles] of Object.entries(PERMISSIONS[resource]))
        for (const role of ROLES)
          expect(can(actor(role), action as never, resource), `${role} ${action} ${resource}`).toBe(
            roles!.includes(role),
          );
  });

  it('applies bank scope to records', () => {
    expect(can(bank, 'show', 'agreements', { bankId: 'ICBC', regionCode: '63' })).toBe(true);
    expect(can(bank, 'show', 'agreements', { bankId: 'ABC', regionCode: '63' })).toBe(false);
  });

  it.each([
    ['630102', true],
    ['6301', true],
    ['63', true],
    ['6302', false],
    ['630202', false],
  ])('a Xining (6301) reader sees a record of region %s: %s', (region, visible) =>
    expect(can(actor('police', { regionCode: '6301' }), 'show', 'agreements', { regionCode: region })).toBe(
      visible,
    ),
  );

  it('follows the record state for workflow actions', () => {
    const f = actor('finance');
    expect(can(f, 'activate', 'agreements', { status: 'active' })).toBe(false);
    expect(can(f, 'activate', 'agreements', { status: 'suspended' })).toBe(true);
    expect(can(f, 'suspend', 'agreements', { status: 'active' })).toBe(true);
    expect(can(f, 'file', 'agreements', { status: 'active', filedOn: '2026-01-01' })).toBe(false);
    expect(can(f, 'file', 'agreements', { status: 'active', filedOn: null })).toBe(true);
    expect(can(f, 'edit', 'agreements', { status: 'terminated' })).toBe(false);
  });

  it('regionContains is prefix containment', () => {
    expect(regionContains('63', '630102')).toBe(true);
    expect(regionContains('6301', '6302')).toBe(false);
    expect(ADMIN_AUDIT_RESOURCES).toContain('auth');
  });
});

describe('schemas', () => {
  it('withReadOnly accepts what GET returns and still rejects unknown keys', () => {
    const schema = withReadOnly(agreementInputSchema.pick({ cutoffTime: true }), ['id', 'status']);
    expect(schema.safeParse({ cutoffTime: '15:00', id: 5, status: 'whatever' }).success).toBe(true);
    expect(schema.safeParse({ cutoffTime: '15:00', hacker: 1 }).success).toBe(false);
  });

  it.each([
    ['Demo@2026', true],
    ['short1', false],
    ['lettersonly', false],
    ['12345678', false],
    ['Passw0rd', true],
  ])('password %s acceptable = %s', (p, ok) => expect(passwordSchema.safeParse(p).success).toBe(ok));

  it.each([
    [{ role: 'bank' }, ['bankId']],
    [{ role: 'bank', bankId: 'ICBC' }, []],
    [{ role: 'unit' }, ['unitId']],
    [{ role: 'dept', departmentId: 1 }, []],
    [{ role: 'finance', bankId: 'ICBC' }, ['bankId']],
    [{ role: 'police', unitId: 3 }, ['unitId']],
  ] as const)('user links %o → problems %o', (input, fields) =>
    expect(Object.keys(userLinkProblems(input as never)).sort()).toEqual([...fields].sort()),
  );
});
