import { and, asc, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  allocateEntered,
  CalendarMissingError,
  type EntryAmount,
  lastMonth,
  monthlyTimetable,
  monthRange,
  monthString,
  SIGNOFF_ROLES,
  type StatementCollection,
  shanghaiDate,
  statementDisputeSchema,
  statementProduceSchema,
  workingDaysLate,
} from '../../domain';
import { budgetLevelTexts, type Lang, statementFieldTexts, statementStatusTexts } from '../../domain/i18n';
import type { Actor } from '../../domain/roles';
import type { Tx } from '../audit/log';
import { type AppContext, actorOf } from '../context';
import type { Db } from '../db/client';
import {
  banks,
  billingCodes,
  collections,
  decisions,
  reconciliationSignoffs,
  reconciliationStatements,
  remittanceTransferItems,
  remittanceTransfers,
  type StatementLineRecord,
  treasuryEntries,
  units,
  users,
} from '../db/schema';
import { conflict, notFound } from '../http/errors';
import { type ExportColumn, sendFixedRows } from '../http/export';
import { assertStep } from '../http/refusal';
import { regionSubtree } from '../http/scope';

/** A unit its own statements, a bank its bank's, the treasury, finance and auditors their region's. */
function statementScope(actor: Actor): SQL | undefined {
  if (actor.role === 'unit') return eq(reconciliationStatements.unitId, actor.unitId ?? 0);
  if (actor.role === 'bank') return eq(reconciliationStatements.bankId, actor.bankId ?? '');
  return regionSubtree(reconciliationStatements.regionCode, actor.regionCode);
}

interface Generated {
  unitId: number;
  bankId: string;
  regionCode: string;
  count: number;
  collectedFen: number;
  enteredFen: number;
  lines: StatementLineRecord[];
}

/**
 * Each unit's collections of the month (business date) through each bank, per budget subject and
 * level, against what the treasury entered for the transfers that remitted them (allocateEntered).
 */
export async function generateStatements(db: Db | Tx, month: string, scope: SQL | undefined) {
  const { first, last } = monthRange(month);
  const rows = await db
    .select({
      id: collections.id,
      bankId: collections.bankId,
      unitId: decisions.unitId,
      regionCode: units.regionCode,
      amountFen: collections.amountFen,
      budgetSubjectCode: billingCodes.budgetSubjectCode,
      budgetLevel: billingCodes.budgetLevel,
      transferId: remittanceTransferItems.transferId,
    })
    .from(collections)
    .innerJoin(decisions, eq(decisions.id, collections.decisionId))
    .innerJoin(units, eq(units.id, decisions.unitId))
    .leftJoin(billingCodes, eq(billingCodes.id, decisions.billingCodeId))
    .leftJoin(remittanceTransferItems, eq(remittanceTransferItems.collectionId, collections.id))
    .where(and(gte(collections.businessDate, first), lte(collections.businessDate, last), scope));
  const transferIds = [...new Set(rows.flatMap((r) => (r.transferId === null ? [] : [r.transferId])))];
  // The whole of every transfer involved (it may also carry other months' collections), and its entries.
  const remitted: StatementCollection[] = [];
  const entries: EntryAmount[] = [];
  for (let i = 0; i < transferIds.length; i += 500) {
    const chunk = transferIds.slice(i, i + 500);
    const items = await db
      .select({
        id: collections.id,
        amountFen: collections.amountFen,
        budgetSubjectCode: billingCodes.budgetSubjectCode,
        budgetLevel: billingCodes.budgetLevel,
        transferReference: remittanceTransfers.reference,
      })
      .from(remittanceTransferItems)
      .innerJoin(remittanceTransfers, eq(remittanceTransfers.id, remittanceTransferItems.transferId))
      .innerJoin(collections, eq(collections.id, remittanceTransferItems.collectionId))
      .leftJoin(decisions, eq(decisions.id, collections.decisionId))
      .leftJoin(billingCodes, eq(billingCodes.id, decisions.billingCodeId))
      .where(inArray(remittanceTransferItems.transferId, chunk));
    remitted.push(...items);
    const refs = [...new Set(items.map((x) => x.transferReference))];
    if (refs.length)
      entries.push(
        ...(await db
          .select({
            transferReference: treasuryEntries.transferReference,
            budgetSubjectCode: treasuryEntries.budgetSubjectCode,
            budgetLevel: treasuryEntries.budgetLevel,
            amountFen: treasuryEntries.amountFen,
          })
          .from(treasuryEntries)
          .where(inArray(treasuryEntries.transferReference, refs))),
      );
  }
  const entered = allocateEntered(remitted, entries);
  const out = new Map<string, Generated>();
  for (const r of rows) {
    const key = `${r.unitId}/${r.bankId}`;
    let s = out.get(key);
    if (!s) {
      s = {
        unitId: r.unitId,
        bankId: r.bankId,
        regionCode: r.regionCode,
        count: 0,
        collectedFen: 0,
        enteredFen: 0,
        lines: [],
      };
      out.set(key, s);
    }
    let line = s.lines.find(
      (l) => l.budgetSubjectCode === r.budgetSubjectCode && l.budgetLevel === r.budgetLevel,
    );
    if (!line) {
      line = {
        budgetSubjectCode: r.budgetSubjectCode,
        budgetLevel: r.budgetLevel,
        count: 0,
        collectedFen: 0,
        enteredFen: 0,
      };
      s.lines.push(line);
    }
    const e = entered.get(r.id) ?? 0;
    line.count += 1;
    line.collectedFen += r.amountFen;
    line.enteredFen += e;
    s.count += 1;
    s.collectedFen += r.amountFen;
    s.enteredFen += e;
  }
  for (const s of out.values())
    s.lines.sort(
      (a, b) =>
        (a.budgetSubjectCode ?? '').localeCompare(b.budgetSubjectCode ?? '') ||
        (a.budgetLevel ?? '').localeCompare(b.budgetLevel ?? ''),
    );
  return [...out.values()].sort((a, b) => a.unitId - b.unitId || a.bankId.localeCompare(b.bankId));
}

const answeredBy = alias(users, 'answered_by_user');

async function readStatements(db: Db, actor: Actor, month: string) {
  const rows = await db
    .select({
      s: reconciliationStatements,
      unitName: units.name,
      bankName: banks.name,
      answeredByName: answeredBy.displayName,
    })
    .from(reconciliationStatements)
    .innerJoin(units, eq(units.id, reconciliationStatements.unitId))
    .innerJoin(banks, eq(banks.id, reconciliationStatements.bankId))
    .leftJoin(answeredBy, eq(answeredBy.id, reconciliationStatements.answeredBy))
    .where(and(eq(reconciliationStatements.month, month), statementScope(actor)))
    .orderBy(asc(units.code), asc(reconciliationStatements.bankId));
  return rows.map((r) => ({
    ...r.s,
    unitName: r.unitName,
    bankName: r.bankName,
    answeredByName: r.answeredByName,
  }));
}
type StatementView = Awaited<ReturnType<typeof readStatements>>[number];

interface Duty {
  party: 'treasury' | 'unit' | 'finance' | 'police' | 'bank';
  name: string;
  what: 'produce' | 'confirm' | 'sign';
  due: string;
  doneOn: string | null;
  workingDaysLate: number;
}

/**
 * The month's timetable (monthlyTimetable, seed 002 art.10) turned into duties: the treasury
 * produces the statements, each unit confirms its own, finance, police and each bank sign the
 * month; each duty with the day it was done and the working days it is (or was) late.
 */
async function duties(ctx: AppContext, actor: Actor, month: string, statements: StatementView[]) {
  const { db } = ctx.database;
  const cal = await ctx.calendars.forRegion(db, '');
  const timetable = monthlyTimetable(month, cal);
  const today = ctx.clock.today();
  const late = (due: string, doneOn: string | null) => {
    try {
      return workingDaysLate(due, doneOn ?? today, cal);
    } catch (e) {
      if (e instanceof CalendarMissingError) return 0;
      throw e;
    }
  };
  const out: Duty[] = [];
  const produced = statements.map((s) => shanghaiDate(s.producedAt)).sort()[0] ?? null;
  out.push({
    party: 'treasury',
    name: '',
    what: 'produce',
    due: timetable.treasuryTable,
    doneOn: produced,
    workingDaysLate: late(timetable.treasuryTable, produced),
  });
  for (const s of statements) {
    const doneOn = s.status === 'confirmed' && s.answeredAt ? shanghaiDate(s.answeredAt) : null;
    out.push({
      party: 'unit',
      name: `${s.unitName} / ${s.bankName}`,
      what: 'confirm',
      due: timetable.unitConfirmation,
      doneOn,
      workingDaysLate: late(timetable.unitConfirmation, doneOn),
    });
  }
  if (actor.role !== 'unit') {
    const bankRows = await db
      .select()
      .from(banks)
      .where(actor.role === 'bank' ? eq(banks.id, actor.bankId ?? '') : undefined)
      .orderBy(banks.id);
    const signed = await db
      .select()
      .from(reconciliationSignoffs)
      .where(eq(reconciliationSignoffs.month, month));
    for (const b of bankRows)
      for (const role of SIGNOFF_ROLES) {
        const s = signed.find((x) => x.bankId === b.id && x.role === role);
        const doneOn = s ? shanghaiDate(s.at) : null;
        out.push({
          party: role,
          name: b.name,
          what: 'sign',
          due: timetable.monthlyReport,
          doneOn,
          workingDaysLate: late(timetable.monthlyReport, doneOn),
        });
      }
  }
  return { timetable, duties: out };
}

const idParams = z.object({ id: z.coerce.number().int().positive() });
// Without a month: last month, the one whose paperwork is due now.
const monthQuery = z.object({ month: monthString.optional() });
const exportQuery = monthQuery.extend({ locale: z.enum(['zh-CN', 'en']).default('zh-CN') });

type ExportRow = StatementLineRecord & {
  unitName: string;
  bankName: string;
  status: StatementView['status'] | null;
};
const label = (key: keyof (typeof statementFieldTexts)['en']) => ({
  'zh-CN': statementFieldTexts['zh-CN'][key],
  en: statementFieldTexts.en[key],
});
const statementColumns: ExportColumn<ExportRow>[] = [
  { key: 'unitName', kind: 'text', label: label('unitName'), value: (r) => r.unitName },
  { key: 'bankName', kind: 'text', label: label('bankName'), value: (r) => r.bankName },
  {
    key: 'budgetSubjectCode',
    kind: 'id',
    label: label('budgetSubjectCode'),
    value: (r) => r.budgetSubjectCode,
  },
  {
    key: 'budgetLevel',
    kind: 'text',
    label: label('budgetLevel'),
    value: (r, lang: Lang) =>
      r.budgetLevel ? budgetLevelTexts[lang][r.budgetLevel as keyof (typeof budgetLevelTexts)['en']] : null,
  },
  { key: 'count', kind: 'number', label: label('count'), value: (r) => r.count },
  { key: 'collectedFen', kind: 'money', label: label('collectedFen'), value: (r) => r.collectedFen },
  { key: 'enteredFen', kind: 'money', label: label('enteredFen'), value: (r) => r.enteredFen },
  {
    key: 'differenceFen',
    kind: 'money',
    label: label('differenceFen'),
    value: (r) => r.collectedFen - r.enteredFen,
  },
  {
    key: 'status',
    kind: 'text',
    label: label('status'),
    value: (r, lang: Lang) => (r.status ? statementStatusTexts[lang][r.status] : null),
  },
];

/** 国库对账表: produced by the treasury per unit and bank; the unit confirms it or disputes it. */
export function statementRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx.database;

  async function answer(
    actor: Actor,
    id: number,
    action: 'confirm' | 'dispute',
    note: string | null,
    ip: string,
  ) {
    return db.transaction(async (tx) => {
      const [s] = await tx
        .select()
        .from(reconciliationStatements)
        .where(and(eq(reconciliationStatements.id, id), statementScope(actor)))
        .for('update');
      if (!s) throw notFound('Reconciliation statement');
      assertStep(actor, action, 'reconciliation-statements', { unitId: s.unitId, state: s.status });
      const status = action === 'confirm' ? 'confirmed' : 'disputed';
      const [row] = await tx
        .update(reconciliationStatements)
        .set({ status, note, answeredBy: actor.id, answeredAt: ctx.clock.now() })
        .where(eq(reconciliationStatements.id, id))
        .returning();
      await ctx.audit.record(tx, {
        actor,
        action,
        resource: 'reconciliation-statements',
        recordId: id,
        before: { status: s.status },
        after: { status, ...(note ? { note } : {}) },
        ip,
      });
      return row;
    });
  }

  return async (app) => {
    app.get(
      '/',
      { config: { permission: ['reconciliation-statements', 'list'] }, schema: { querystring: monthQuery } },
      async (request) => {
        const actor = actorOf(request);
        const month = request.query.month ?? lastMonth(ctx.clock.today());
        const statements = await readStatements(db, actor, month);
        return { month, ...(await duties(ctx, actor, month, statements)), statements };
      },
    );

    app.post(
      '/',
      {
        config: { permission: ['reconciliation-statements', 'create'] },
        schema: { body: statementProduceSchema },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const { month } = request.body;
        if (monthRange(month).last >= ctx.clock.today())
          throw conflict('month_not_over', `${month} has not ended yet`);
        const unitScope = regionSubtree(units.regionCode, actor.regionCode);
        const produced = await db.transaction(async (tx) => {
          const generated = await generateStatements(tx, month, unitScope);
          const now = ctx.clock.now();
          let n = 0;
          for (const g of generated) {
            // A confirmed statement stands; a produced or disputed one is produced again from the data.
            const written = await tx
              .insert(reconciliationStatements)
              .values({ month, ...g, status: 'produced', producedBy: actor.id, producedAt: now })
              .onConflictDoUpdate({
                target: [
                  reconciliationStatements.month,
                  reconciliationStatements.unitId,
                  reconciliationStatements.bankId,
                ],
                set: {
                  count: g.count,
                  collectedFen: g.collectedFen,
                  enteredFen: g.enteredFen,
                  lines: g.lines,
                  status: 'produced',
                  note: null,
                  answeredBy: null,
                  answeredAt: null,
                  producedBy: actor.id,
                  producedAt: now,
                },
                setWhere: sql`${reconciliationStatements.status} <> 'confirmed'`,
              })
              .returning({ id: reconciliationStatements.id });
            n += written.length;
          }
          await ctx.audit.record(tx, {
            actor,
            action: 'produce',
            resource: 'reconciliation-statements',
            recordId: month,
            after: {
              statements: n,
              collectedFen: generated.reduce((s, g) => s + g.collectedFen, 0),
              enteredFen: generated.reduce((s, g) => s + g.enteredFen, 0),
            },
            ip: request.ip,
          });
          return n;
        });
        reply.code(201);
        return { month, produced };
      },
    );

    app.post(
      '/:id/confirm',
      {
        config: { permission: ['reconciliation-statements', 'confirm'] },
        schema: { params: idParams, body: z.strictObject({}).optional() },
      },
      async (request) => answer(actorOf(request), request.params.id, 'confirm', null, request.ip),
    );
    app.post(
      '/:id/dispute',
      {
        config: { permission: ['reconciliation-statements', 'dispute'] },
        schema: { params: idParams, body: statementDisputeSchema },
      },
      async (request) =>
        answer(actorOf(request), request.params.id, 'dispute', request.body.note, request.ip),
    );

    for (const format of ['csv', 'xlsx'] as const)
      app.get(
        `/export.${format}`,
        {
          config: { permission: ['reconciliation-statements', 'export'] },
          schema: { querystring: exportQuery },
        },
        async (request, reply) => {
          const { locale } = request.query;
          const month = request.query.month ?? lastMonth(ctx.clock.today());
          const statements = await readStatements(db, actorOf(request), month);
          const rows: ExportRow[] = statements.flatMap((s) =>
            s.lines.map((l) => ({ ...l, unitName: s.unitName, bankName: s.bankName, status: s.status })),
          );
          const total = rows.reduce(
            (t, r) => ({
              count: t.count + r.count,
              collectedFen: t.collectedFen + r.collectedFen,
              enteredFen: t.enteredFen + r.enteredFen,
            }),
            { count: 0, collectedFen: 0, enteredFen: 0 },
          );
          rows.push({
            unitName: statementFieldTexts[locale].total,
            bankName: '',
            budgetSubjectCode: null,
            budgetLevel: null,
            status: null,
            ...total,
          });
          return sendFixedRows(reply, request, ctx, {
            name: `reconciliation-statements-${month}`,
            resource: 'reconciliation-statements',
            columns: statementColumns,
            rows,
            format,
            locale,
            about: { month },
          });
        },
      );
  };
}
