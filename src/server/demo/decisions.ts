import { eq, sql } from 'drizzle-orm';
import {
  addCalendarDays,
  COLLECTION_CHANNELS,
  createCalendar,
  type IsoDate,
  lateFeeFen,
  OFFICIAL_CALENDARS,
  officialEntries,
  paymentDeadline,
  shanghaiMidnight,
} from '../../domain';
import type { Tx } from '../audit/log';
import { billingCodes, collections, decisionEvents, decisions, paidStatusFlags } from '../db/schema';
import { seededRandom } from './random';
import { BANKS, UNITS } from './world';

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段漕钱汤尹黎易常武乔贺赖龚文';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉建国红梅海燕雪飞晓东宁';
const PLATE_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

function idNumber(rnd: ReturnType<typeof seededRandom>, region: string): string {
  const birth = addCalendarDays('1960-01-01', rnd.int(0, 365 * 42)).replace(/-/g, '');
  const body = `${region.padEnd(6, '0').slice(0, 6)}${birth}${String(rnd.int(0, 999)).padStart(3, '0')}`;
  const sum = WEIGHTS.reduce((a, w, i) => a + w * Number(body[i]), 0);
  return body + '10X98765432'[sum % 11];
}

const FINES: Record<string, [number, number, number]> = {
  traffic_police: [20, 200, 100], // [min yuan, max yuan, step]
  transport: [1000, 30000, 500],
  market: [5000, 500000, 5000],
};

/**
 * Tens of thousands of decisions and their collections for every unit, dated in the demo window,
 * with a realistic sprinkling of each anomaly the police HQ audits. Deterministic (seeded).
 */
export async function seedDecisions(tx: Tx, count: number, requestedEnd: IsoDate, now: Date) {
  const rnd = seededRandom(20260402);
  // Demo payments are computed with the built-in calendars only: never reach a year without one.
  const lastLoaded = `${Math.max(...Object.keys(OFFICIAL_CALENDARS).map(Number))}-12-31`;
  const windowEnd = requestedEnd > lastLoaded ? lastLoaded : requestedEnd;
  const cal = createCalendar({
    years: [2025, 2026],
    entries: [...officialEntries(2025), ...officialEntries(2026)],
  });
  const codes = await tx.select().from(billingCodes).where(eq(billingCodes.status, 'active'));
  const kindOf = (projectCode: string) =>
    projectCode.startsWith('00200')
      ? 'traffic_police'
      : projectCode.startsWith('01500')
        ? 'transport'
        : 'market';
  const windowStart = addCalendarDays(windowEnd, -179);
  const decisionRows: (typeof decisions.$inferInsert)[] = [];
  for (let i = 0; i < count; i++) {
    const unit = UNITS[i % UNITS.length];
    const unitCodes = codes.filter((c) => kindOf(c.projectCode) === unit.kind);
    const code = rnd.pick(unitCodes);
    const [min, max, step] = FINES[unit.kind];
    const fineYuan = min + step * rnd.int(0, Math.floor((max - min) / step));
    const servedOn = addCalendarDays(windowStart, rnd.int(0, 160));
    const year = servedOn.slice(0, 4);
    const prefix =
      unit.kind === 'traffic_police' ? '公交决字' : unit.kind === 'transport' ? '交运罚字' : '市监罚字';
    const id = idNumber(rnd, unit.regionCode);
    decisionRows.push({
      decisionNumber: `${unit.code}${prefix}〔${year}〕${String(i + 1).padStart(6, '0')}号`,
      unitId: unit.id,
      regionCode: unit.regionCode,
      billingCodeId: code.id,
      projectCode: code.projectCode,
      fineFen: fineYuan * 100,
      servedOn,
      partyName:
        rnd.pick([...SURNAMES]) + rnd.pick([...GIVEN]) + (rnd.next() < 0.6 ? rnd.pick([...GIVEN]) : ''),
      idNumber: id,
      licenceNumber: unit.kind === 'traffic_police' ? id : null,
      plate:
        unit.kind === 'traffic_police'
          ? `青${rnd.pick(['A', 'B'])}${Array.from({ length: 5 }, () => rnd.pick([...PLATE_CHARS])).join('')}`
          : null,
      suspensions:
        rnd.next() < 0.01 ? [{ from: addCalendarDays(servedOn, 5), to: addCalendarDays(servedOn, 40) }] : [],
      createdAt: shanghaiMidnight(servedOn),
      updatedAt: shanghaiMidnight(servedOn),
    });
  }
  const inserted: (typeof decisions.$inferSelect)[] = [];
  for (let i = 0; i < decisionRows.length; i += 2000)
    inserted.push(
      ...(await tx
        .insert(decisions)
        .values(decisionRows.slice(i, i + 2000))
        .returning()),
    );

  const collectionRows: (typeof collections.$inferInsert)[] = [];
  const paid: { decision: (typeof inserted)[number]; at: Date }[] = [];
  const flags: (typeof paidStatusFlags.$inferInsert)[] = [];
  const manual: { decision: (typeof inserted)[number]; at: Date }[] = [];
  let txn = 1;
  for (const d of inserted) {
    const r = rnd.next();
    if (r < 0.18) continue; // unpaid
    const deadline = paymentDeadline(d.servedOn, cal);
    const late = rnd.next() < 0.12;
    let payDay = late
      ? addCalendarDays(deadline, rnd.int(1, 40))
      : addCalendarDays(d.servedOn, rnd.int(0, 14));
    if (payDay > windowEnd) payDay = windowEnd;
    const at = new Date(shanghaiMidnight(payDay).getTime() + rnd.int(8 * 60, 21 * 60) * 60_000);
    if (r > 0.995) {
      manual.push({ decision: d, at }); // marked paid by hand, no money seen: paid_without_funds + single_user_manual
      continue;
    }
    const due = d.fineFen + lateFeeFen(d.fineFen, d.servedOn, payDay, cal, d.suspensions);
    const mismatch = rnd.next() < 0.004;
    const bank = rnd.pick(BANKS);
    collectionRows.push({
      bankId: bank.id,
      bankTxnId: `${bank.id}${payDay.replace(/-/g, '')}${String(txn++).padStart(8, '0')}`,
      decisionNumber: d.decisionNumber,
      decisionId: d.id,
      regionCode: d.regionCode,
      amountFen: mismatch ? due - 100 * rnd.int(1, 20) : due,
      expectedFen: due,
      channel: rnd.pick(COLLECTION_CHANNELS),
      collectedAt: at,
      businessDate: payDay,
      receivedAt: new Date(at.getTime() + rnd.int(1, 300) * 1000),
      matchedAt: new Date(at.getTime() + rnd.int(1, 300) * 1000),
    });
    if (mismatch)
      flags.push({
        type: 'amount_mismatch',
        decisionId: d.id,
        regionCode: d.regionCode,
        detail: { code: 'underpaid', params: { dueFen: due, on: payDay } },
        createdAt: at,
      });
    if (!mismatch) paid.push({ decision: d, at });
    // Some collections beat their decision to the platform: flagged on arrival, matched hours later.
    if (!mismatch && rnd.next() < 0.03)
      flags.push({
        type: 'sync_lag',
        decisionId: d.id,
        regionCode: d.regionCode,
        detail: { code: 'collection_before_decision', params: { decisionNumber: d.decisionNumber } },
        createdAt: at,
        state: 'reviewed',
        reviewNote: 'Matched automatically when the decision arrived',
        reviewedAt: new Date(at.getTime() + rnd.int(1, 30) * 3_600_000),
      });
    if (rnd.next() < 0.003) {
      const second = rnd.pick(BANKS);
      collectionRows.push({
        ...collectionRows[collectionRows.length - 1],
        bankId: second.id,
        bankTxnId: `${second.id}${payDay.replace(/-/g, '')}${String(txn++).padStart(8, '0')}`,
        collectedAt: new Date(at.getTime() + 3_600_000),
      });
      flags.push({
        type: 'duplicate',
        decisionId: d.id,
        regionCode: d.regionCode,
        detail: { code: 'second_collection' },
        createdAt: at,
      });
    }
  }
  // Orphans: collections for decision numbers the platform has not received yet.
  for (let i = 0; i < Math.max(2, Math.round(count * 0.002)); i++) {
    const bank = rnd.pick(BANKS);
    const at = new Date(shanghaiMidnight(windowEnd).getTime() + rnd.int(9, 17) * 3_600_000);
    collectionRows.push({
      bankId: bank.id,
      bankTxnId: `${bank.id}ORPHAN${String(i + 1).padStart(6, '0')}`,
      decisionNumber: `63010201公交决字〔${windowEnd.slice(0, 4)}〕9${String(i + 1).padStart(5, '0')}号`,
      amountFen: 20000,
      channel: 'mobile_banking',
      collectedAt: at,
      businessDate: windowEnd,
      receivedAt: at,
    });
  }
  const storedCollections: (typeof collections.$inferSelect)[] = [];
  for (let i = 0; i < collectionRows.length; i += 2000)
    storedCollections.push(
      ...(await tx
        .insert(collections)
        .values(collectionRows.slice(i, i + 2000))
        .returning()),
    );
  for (const c of storedCollections.filter((c) => c.decisionId === null))
    flags.push({
      type: 'sync_lag',
      collectionId: c.id,
      detail: { code: 'orphan_collection', params: { decisionNumber: c.decisionNumber } },
      createdAt: c.receivedAt,
    });

  const byDecision = new Map(storedCollections.filter((c) => c.decisionId).map((c) => [c.decisionId, c]));
  const events: (typeof decisionEvents.$inferInsert)[] = inserted.map((d) => ({
    decisionId: d.id,
    toStatus: 'unpaid',
    source: 'import',
    at: d.createdAt,
  }));
  for (const p of paid)
    events.push({
      decisionId: p.decision.id,
      fromStatus: 'unpaid',
      toStatus: 'paid',
      source: 'bank',
      collectionId: byDecision.get(p.decision.id)?.id ?? null,
      detail: {
        code: 'bank_collection',
        params: { bankTxnId: byDecision.get(p.decision.id)?.bankTxnId ?? '' },
      },
      at: p.at,
    });
  for (const m of manual) {
    events.push({
      decisionId: m.decision.id,
      fromStatus: 'unpaid',
      toStatus: 'paid',
      source: 'manual',
      actorId: 4,
      reason: '当事人持缴款凭证到队核实',
      at: m.at,
    });
    flags.push({
      type: 'single_user_manual',
      decisionId: m.decision.id,
      regionCode: m.decision.regionCode,
      detail: { code: 'single_user_change' },
      createdAt: m.at,
    });
    flags.push({
      type: 'paid_without_funds',
      decisionId: m.decision.id,
      regionCode: m.decision.regionCode,
      detail: { code: 'paid_without_funds' },
      createdAt: m.at,
    });
  }
  for (let i = 0; i < events.length; i += 5000)
    await tx.insert(decisionEvents).values(events.slice(i, i + 5000));
  if (flags.length)
    await tx.insert(paidStatusFlags).values(flags.map((f) => ({ ...f, createdAt: f.createdAt ?? now })));
  const paidIds = [...paid, ...manual].map((p) => p.decision.id);
  for (let i = 0; i < paidIds.length; i += 5000) {
    const chunk = paidIds.slice(i, i + 5000);
    // One statement per chunk: mark paid, stamped with the first collection time.
    await tx.execute(
      // Grouped first: a correlated min(collected_at) per row lets a statistics-less planner (PGlite)
      // walk the collected_at index once per decision.
      sql`with first as (select decision_id, min(collected_at) as at from collections where decision_id in ${chunk} group by decision_id)
          update decisions d set payment_status = 'paid', paid_at = coalesce(first.at, d.created_at)
            from (select unnest(array[${sql.join(chunk, sql`, `)}]::int[]) as id) ids left join first on first.decision_id = ids.id
           where d.id = ids.id`,
    );
  }
  return { decisions: inserted.length, collections: storedCollections.length, flags: flags.length };
}
