import { asc, eq, gte } from 'drizzle-orm';
import {
  addCalendarDays,
  type BudgetLevel,
  type BusinessCalendar,
  CalendarMissingError,
  remittanceDueDate,
  shanghaiMidnight,
} from '../../domain';
import type { Tx } from '../audit/log';
import {
  agreements,
  billingCodes,
  collections,
  decisions,
  remittanceTransferItems,
  remittanceTransfers,
  statementLines,
  treasuries,
  treasuryEntries,
} from '../db/schema';
import { agreementFor } from '../remittances/service';
import { seededRandom } from './random';

const previousMonthStart = (today: string) => {
  const [y, m] = today.split('-').map(Number);
  return m === 1 ? `${y - 1}-12-01` : `${y}-${String(m - 1).padStart(2, '0')}-01`;
};

/**
 * What the banks sent and what the treasury entered: most on time, some late by a few working days,
 * a few overdue (recent, never sent), and entries with each feedback type (entered, late, partial,
 * missing, wrong subject or level). Obligations and feedback are computed from these afterwards.
 */
export async function seedRemittances(tx: Tx, cal: BusinessCalendar, today: string, now: Date) {
  const rnd = seededRandom(20260701);
  const agreementRows = await tx.select().from(agreements);
  const rows = await tx
    .select({
      id: collections.id,
      bankId: collections.bankId,
      regionCode: collections.regionCode,
      amountFen: collections.amountFen,
      collectedAt: collections.collectedAt,
      subject: billingCodes.budgetSubjectCode,
      level: billingCodes.budgetLevel,
    })
    .from(collections)
    .innerJoin(decisions, eq(decisions.id, collections.decisionId))
    .innerJoin(billingCodes, eq(billingCodes.id, decisions.billingCodeId))
    .orderBy(asc(collections.id));
  const groups = new Map<
    string,
    { bankId: string; agreementId: number; dueDate: string; items: typeof rows }
  >();
  for (const c of rows) {
    const agreement = agreementFor(
      agreementRows.filter((a) => a.bankId === c.bankId),
      c.regionCode,
    );
    if (!agreement) continue;
    let dueDate: string;
    try {
      dueDate = remittanceDueDate(c.collectedAt.toISOString(), agreement.cutoffTime, cal);
    } catch (e) {
      if (e instanceof CalendarMissingError) continue;
      throw e;
    }
    if (dueDate >= today) continue; // not due yet: pending
    const key = `${agreement.id}|${dueDate}`;
    const g = groups.get(key) ?? { bankId: c.bankId, agreementId: agreement.id, dueDate, items: [] };
    g.items.push(c);
    groups.set(key, g);
  }
  const [treasury] = await tx.select().from(treasuries).orderBy(asc(treasuries.id)).limit(1);
  const recent = addCalendarDays(today, -20);
  let transfers = 0;
  let entries = 0;
  const sorted = [...groups.values()].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const lastDue = new Map(sorted.map((g) => [g.bankId, g.dueDate]));
  // Each bank also forgot one day in the middle of last month, so its reconciliation has one.
  const forgotten = new Set<string>();
  const mid = addCalendarDays(previousMonthStart(today), 14);
  for (const bankId of new Set(sorted.map((g) => g.bankId))) {
    const g = sorted.find((x) => x.bankId === bankId && x.dueDate >= mid);
    if (g) forgotten.add(`${g.agreementId}|${g.dueDate}`);
  }
  for (const g of sorted) {
    const r = rnd.next();
    // Overdue: each bank's latest due day is still unsent, and a few recent ones never were.
    if (
      g.dueDate === lastDue.get(g.bankId) ||
      forgotten.has(`${g.agreementId}|${g.dueDate}`) ||
      (r > 0.96 && g.dueDate >= recent)
    )
      continue;
    let sentOn = g.dueDate;
    if (r > 0.86) sentOn = cal.addWorkingDays(g.dueDate, rnd.int(1, 3));
    if (sentOn >= today) sentOn = g.dueDate;
    const amountFen = g.items.reduce((s, c) => s + c.amountFen, 0);
    const reference = `${g.bankId}RT${g.dueDate.replace(/-/g, '')}A${g.agreementId}`;
    const [t] = await tx
      .insert(remittanceTransfers)
      .values({
        bankId: g.bankId,
        reference,
        amountFen,
        transferredAt: new Date(shanghaiMidnight(sentOn).getTime() + 16 * 3_600_000),
        businessDate: sentOn,
        createdAt: now,
      })
      .returning({ id: remittanceTransfers.id });
    transfers++;
    for (let i = 0; i < g.items.length; i += 1000)
      await tx
        .insert(remittanceTransferItems)
        .values(g.items.slice(i, i + 1000).map((c) => ({ transferId: t.id, collectionId: c.id })));
    if (!treasury || sentOn < addCalendarDays(today, -75)) continue;
    // The treasury's entries for this transfer, one per budget subject and level.
    const bySubject = new Map<string, { subject: string; level: string; amountFen: number }>();
    for (const c of g.items) {
      const k = `${c.subject}|${c.level}`;
      const e = bySubject.get(k) ?? { subject: c.subject, level: c.level, amountFen: 0 };
      e.amountFen += c.amountFen;
      bySubject.set(k, e);
    }
    const fate = rnd.next();
    if (fate > 0.975 && sentOn < addCalendarDays(today, -2)) continue; // missing
    const entryDate =
      fate > 0.94
        ? cal.nextWorkingDay(sentOn)
        : cal.isWorkingDay(sentOn)
          ? sentOn
          : cal.nextWorkingDay(sentOn);
    if (entryDate >= today) continue;
    const lines = [...bySubject.values()].map((e, i) => ({
      treasuryId: treasury.id,
      entryDate,
      amountFen: fate > 0.91 && fate <= 0.94 && i === 0 ? Math.max(1, e.amountFen - 10_000) : e.amountFen,
      budgetSubjectCode: e.subject,
      // 混库: the first line booked at another level.
      budgetLevel: (fate > 0.88 && fate <= 0.91 && i === 0
        ? e.level === 'provincial'
          ? 'city'
          : 'provincial'
        : e.level) as BudgetLevel,
      transferReference: reference,
      source: 'import' as const,
      createdAt: now,
    }));
    await tx.insert(treasuryEntries).values(lines);
    entries += lines.length;
  }
  return { transfers, entries };
}

/**
 * The banks' daily statements for the last weeks: one line per collection, with the anomalies a
 * reconciliation must find — lines the platform lacks, collections missing from the statement,
 * different amounts, and refund/offset lines without a voucher (banks may not offset).
 */
export async function seedStatements(tx: Tx, today: string, now: Date) {
  const rnd = seededRandom(20260801);
  const since = addCalendarDays(today, -75);
  const accounts = new Map(
    (await tx.select({ bankId: agreements.bankId, account: agreements.accountNumber }).from(agreements)).map(
      (a) => [a.bankId, a.account],
    ),
  );
  const rows = await tx
    .select({
      bankId: collections.bankId,
      bankTxnId: collections.bankTxnId,
      amountFen: collections.amountFen,
      day: collections.businessDate,
    })
    .from(collections)
    .where(gte(collections.businessDate, since))
    .orderBy(asc(collections.id));
  const lines: (typeof statementLines.$inferInsert)[] = [];
  const line = (
    bankId: string,
    bankTxnId: string,
    amountFen: number,
    valueDate: string,
    kind: 'collection' | 'refund' | 'offset' = 'collection',
  ) =>
    lines.push({
      bankId,
      account: accounts.get(bankId) ?? '0',
      valueDate,
      bankTxnId,
      amountFen,
      kind,
      receivedAt: now,
    });
  for (const c of rows) {
    const r = rnd.next();
    if (r < 0.01) continue; // platform_not_bank
    line(c.bankId, c.bankTxnId, r < 0.016 ? c.amountFen + 100 * rnd.int(1, 50) : c.amountFen, c.day); // amount_mismatch
    if (r > 0.995) line(c.bankId, `${c.bankTxnId}X`, c.amountFen, c.day); // bank_not_platform
    if (r > 0.997)
      line(c.bankId, `${c.bankTxnId}R`, c.amountFen, c.day, rnd.next() < 0.5 ? 'offset' : 'refund');
  }
  // And, for every bank, one line the platform never saw and one offset (banks may not offset) last month.
  const lastMonth = previousMonthStart(today);
  for (const bankId of accounts.keys()) {
    const c = rows.find((x) => x.bankId === bankId && x.day >= addCalendarDays(lastMonth, 3));
    if (!c) continue;
    line(bankId, `${c.bankTxnId}EXTRA`, c.amountFen, c.day);
    line(bankId, `${c.bankTxnId}OFFSET`, c.amountFen, c.day, 'offset');
  }
  for (let i = 0; i < lines.length; i += 2000)
    await tx.insert(statementLines).values(lines.slice(i, i + 2000));
  return lines.length;
}
