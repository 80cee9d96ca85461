import { count, sql } from 'drizzle-orm';
import { createCalendar } from '../../domain/calendar';
import { addCalendarDays, shanghaiMidnight } from '../../domain/dates';
import { OFFICIAL_CALENDARS, officialEntries } from '../../domain/holidays';
import type { AuditLog } from '../audit/log';
import { hashPassword } from '../auth/passwords';
import { replaceYears } from '../calendar/repository';
import type { Clock } from '../clock';
import type { Db } from '../db/client';
import {
  agreementEvents,
  agreements,
  banks,
  billingCodes,
  budgetSubjects,
  departments,
  regions,
  supervisionNotes,
  treasuries,
  unitBillingCodes,
  units,
  users,
} from '../db/schema';
import { seedDecisions } from './decisions';
import { seededRandom } from './random';
import { seedReceipts } from './receipts';
import { seedRefunds } from './refunds';
import { seedRemittances, seedStatements } from './remittances';
import {
  BANKS,
  BILLING_CODES,
  BUDGET_SUBJECTS,
  DEMO_USERS,
  DEPARTMENTS,
  REGIONS,
  TREASURIES,
  UNITS,
} from './world';

/** Regions and banks: reference data every installation starts with. */
export async function seedReferenceData(db: Db): Promise<boolean> {
  const [{ n }] = await db.select({ n: count() }).from(regions);
  if (n > 0) return false;
  await db.insert(regions).values(REGIONS.map((r) => ({ ...r })));
  await db.insert(banks).values(BANKS.map((b) => ({ ...b })));
  // The State Council's published arrangements; later years are imported by finance or an admin.
  await db.transaction((tx) =>
    replaceYears(
      tx,
      Object.keys(OFFICIAL_CALENDARS).map((y) => {
        const entries = officialEntries(Number(y)).map((e) => ({ ...e, name: null }));
        return {
          year: Number(y),
          regionCode: '',
          entries,
          holidays: entries.filter((e) => e.kind === 'HOLIDAY').length,
          adjustedWorkdays: entries.filter((e) => e.kind === 'ADJUSTED_WORKDAY').length,
        };
      }),
      'official',
      null,
    ),
  );
  return true;
}

export async function isEmpty(db: Db): Promise<boolean> {
  const [{ n }] = await db.select({ n: count() }).from(users);
  return n === 0;
}

export interface DemoSummary {
  users: string[];
  agreements: number;
  decisions: number;
  collections: number;
  flags: number;
  refunds: number;
  transfers: number;
  entries: number;
  statements: number;
  receipts: number;
}

/**
 * The demo generator: deterministic (seeded), bulk inserts, dated in a window that ends the day
 * before "today" so every feature's rows line up. Later features extend it.
 */
export async function seedDemo(
  db: Db,
  clock: Clock,
  audit: AuditLog,
  password: string,
  decisionCount = 30_000,
  refundThresholdFen = 1_000_000,
): Promise<DemoSummary> {
  const rnd = seededRandom(20260401);
  const windowEnd = addCalendarDays(clock.today(), -1);
  const day = (offset: number) => addCalendarDays(windowEnd, -offset);
  const at = (date: string, hour: number) => new Date(shanghaiMidnight(date).getTime() + hour * 3_600_000);

  const stats = await db.transaction(async (tx) => {
    await tx.insert(departments).values(DEPARTMENTS.map((d) => ({ ...d })));
    await tx.insert(units).values(UNITS.map((u) => ({ ...u })));
    await tx.insert(budgetSubjects).values(BUDGET_SUBJECTS.map((b) => ({ ...b })));
    const codes = await tx
      .insert(billingCodes)
      .values(
        BILLING_CODES.map(({ kind: _, ...c }) => ({ ...c, projectCode: c.departmentCode + c.itemCode })),
      )
      .returning();
    await tx
      .insert(unitBillingCodes)
      .values(
        UNITS.flatMap((u) =>
          codes
            .filter((c, i) => BILLING_CODES[i].kind === u.kind && c.status === 'active')
            .map((c) => ({ unitId: u.id, billingCodeId: c.id })),
        ),
      );
    await tx.insert(treasuries).values(TREASURIES.map((t) => ({ ...t })));
    const hashes = await Promise.all(DEMO_USERS.map(() => hashPassword(password)));
    await tx.insert(users).values(DEMO_USERS.map((u, i) => ({ ...u, passwordHash: hashes[i] })));
    // Serial columns were bypassed by explicit ids above; move the sequences past them.
    await tx.execute(sql`select setval('departments_id_seq', (select max(id) from departments))`);
    await tx.execute(sql`select setval('units_id_seq', (select max(id) from units))`);
    await tx.execute(sql`select setval('users_id_seq', (select max(id) from users))`);

    const financeId = 2;
    type Plan = {
      region: string;
      status: 'draft' | 'active' | 'suspended' | 'terminated';
      signedAgo: number;
      filedAfter: number | null;
    };
    const plans: Record<string, Plan[]> = {
      ICBC: [
        { region: '63', status: 'active', signedAgo: 620, filedAfter: 6 },
        { region: '6301', status: 'active', signedAgo: 400, filedAfter: 12 },
        { region: '6302', status: 'active', signedAgo: 210, filedAfter: 9 },
        { region: '6301', status: 'terminated', signedAgo: 700, filedAfter: 14 },
      ],
      ABC: [
        { region: '63', status: 'active', signedAgo: 580, filedAfter: 10 },
        { region: '6302', status: 'draft', signedAgo: 5, filedAfter: null },
      ],
      BOC: [
        { region: '63', status: 'active', signedAgo: 540, filedAfter: 20 },
        { region: '6301', status: 'active', signedAgo: 40, filedAfter: null },
      ],
      CCB: [
        { region: '63', status: 'active', signedAgo: 500, filedAfter: 3 },
        { region: '6302', status: 'suspended', signedAgo: 300, filedAfter: 11 },
      ],
    };
    const branch: Record<string, string> = {
      '63': '青海省分行营业部',
      '6301': '西宁分行',
      '6302': '海东分行',
    };
    const rows: (typeof agreements.$inferInsert)[] = [];
    for (const bank of BANKS) {
      plans[bank.id].forEach((plan, i) => {
        const signedOn = day(plan.signedAgo);
        rows.push({
          bankId: bank.id,
          regionCode: plan.region,
          agreementNo: `QCK-${signedOn.slice(0, 4)}-${bank.id}-${String(i + 1).padStart(3, '0')}`,
          accountName: `青海省财政厅非税收入汇缴结算户（${bank.id}）`,
          accountNumber: Array.from({ length: 19 }, (_, k) => (k === 0 ? rnd.int(1, 9) : rnd.int(0, 9))).join(
            '',
          ),
          accountBranch: `${bank.name.replace('青海省分行', '')}${branch[plan.region]}`,
          remittanceMethod: rnd.pick(['direct', 'collection_account'] as const),
          dataExchangeMethod: rnd.pick(['realtime_api', 'batch_file', 'front_end_processor'] as const),
          cutoffTime: rnd.pick(['15:00', '15:30', '16:00'] as const),
          signedOn,
          effectiveFrom: addCalendarDays(signedOn, 1),
          effectiveTo:
            plan.status === 'terminated'
              ? addCalendarDays(signedOn, 365)
              : addCalendarDays(signedOn, 3 * 365),
          filedOn: plan.filedAfter === null ? null : addCalendarDays(signedOn, plan.filedAfter),
          filingReference:
            plan.filedAfter === null ? null : `银青备〔${signedOn.slice(0, 4)}〕${rnd.int(10, 99)}号`,
          status: plan.status,
          createdBy: financeId,
          version: plan.status === 'draft' ? 1 : 3,
          createdAt: at(signedOn, 10),
          updatedAt: at(signedOn, 10),
        });
      });
    }
    const inserted = await tx.insert(agreements).values(rows).returning();
    const events: (typeof agreementEvents.$inferInsert)[] = [];
    for (const a of inserted) {
      events.push({
        agreementId: a.id,
        action: 'create',
        toStatus: 'draft',
        actorId: financeId,
        at: at(a.signedOn, 10),
      });
      if (a.status !== 'draft')
        events.push({
          agreementId: a.id,
          action: 'activate',
          fromStatus: 'draft',
          toStatus: 'active',
          actorId: financeId,
          at: at(a.effectiveFrom, 9),
        });
      if (a.filedOn)
        events.push({
          agreementId: a.id,
          action: 'file',
          reason: a.filingReference,
          actorId: financeId,
          at: at(a.filedOn, 11),
        });
      if (a.status === 'suspended')
        events.push({
          agreementId: a.id,
          action: 'suspend',
          fromStatus: 'active',
          toStatus: 'suspended',
          reason: '连续两个月未按时缴库，暂停代收',
          actorId: financeId,
          at: at(day(30), 15),
        });
      if (a.status === 'terminated')
        events.push({
          agreementId: a.id,
          action: 'terminate',
          fromStatus: 'active',
          toStatus: 'terminated',
          reason: '协议到期，不再续签',
          actorId: financeId,
          at: at(a.effectiveTo!, 16),
        });
    }
    await tx.insert(agreementEvents).values(events);

    const treasuryId = 6;
    await tx.insert(supervisionNotes).values([
      {
        bankId: 'CCB',
        regionCode: '63',
        agreementId: inserted.find((a) => a.bankId === 'CCB' && a.status === 'suspended')?.id,
        periodStart: day(90),
        periodEnd: day(31),
        text: '海东分行连续两个月存在跨日缴库，已约谈并责令整改。',
        authorId: treasuryId,
      },
      {
        bankId: 'BOC',
        regionCode: '63',
        periodStart: day(60),
        periodEnd: day(1),
        text: '西宁分行新签协议未在15日内向人民银行备案，请财政厅督促。',
        authorId: treasuryId,
      },
      {
        bankId: 'ICBC',
        regionCode: '63',
        periodStart: day(30),
        periodEnd: day(1),
        text: '本月缴库及时，未发现占压资金情况。',
        authorId: treasuryId,
      },
    ]);
    const decisionStats = await seedDecisions(tx, decisionCount, windowEnd, clock.now());
    const refundCount = await seedRefunds(tx, clock.now(), clock.today(), refundThresholdFen);
    const remittanceStats = await seedRemittances(
      tx,
      createCalendar({ years: [2025, 2026], entries: [...officialEntries(2025), ...officialEntries(2026)] }),
      clock.today(),
      clock.now(),
    );
    await audit.record(tx, {
      actor: null,
      actorUsername: 'system',
      action: 'seed_demo',
      resource: 'system',
      after: { users: DEMO_USERS.length, agreements: inserted.length, ...decisionStats },
    });
    const statements = await seedStatements(tx, clock.today(), clock.now());
    const receiptCount = await seedReceipts(tx, clock.today(), clock.now());
    return {
      agreements: inserted.length,
      ...decisionStats,
      refunds: refundCount,
      ...remittanceStats,
      statements,
      receipts: receiptCount,
    };
  });
  return { users: DEMO_USERS.map((u) => u.username), ...stats };
}
