import { and, type Column, count, eq, gte, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DISCREPANCY_STATES,
  DISCREPANCY_TYPES,
  lastMonth,
  monthlyTimetable,
  periodDays,
  reconciliationRunSchema,
  reopenSchema,
  SIGNOFF_ROLES,
  signoffSchema,
} from '../../domain';
import type { Lang } from '../../domain/i18n';
import {
  allBanksTexts,
  bankCodeTexts,
  discrepancyFieldTexts,
  discrepancyOwnerTexts,
  discrepancyStateTexts,
  discrepancyTypeTexts,
  periodTypeTexts,
  reconciliationRunFieldTexts,
  roleTexts,
  runStatusTexts,
  signoffFieldTexts,
  signoffRoleLabel,
  yesNoTexts,
} from '../../domain/i18n';
import type { Actor } from '../../domain/roles';
import type { Tx } from '../audit/log';
import { type AppContext, actorOf } from '../context';
import type { Db } from '../db/client';
import { banks, discrepancies, reconciliationRuns, reconciliationSignoffs, users } from '../db/schema';
import { pgErrorCode, UNIQUE_VIOLATION } from '../http/db-errors';
import { badRequest, conflict, notFound } from '../http/errors';
import { type ExportColumn, registerExports } from '../http/export';
import { exportColumns } from '../http/export-labels';
import { registerRowExports } from '../http/export-rows';
import { asIdList, asString, type FilterValue, listQuerySchema } from '../http/list-query';
import { assertStep } from '../http/refusal';
import { type ResourceList, serveList } from '../http/resource-list';
import { executeRun } from './runner';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const stepBody = z.strictObject({ reason: z.string().trim().min(1).max(1000) });
const pick = <T extends string>(values: readonly T[], v: FilterValue, name: string) =>
  asIdList(name, v)
    .map(String)
    .filter((s): s is T => (values as readonly string[]).includes(s));

/** Whether finance, police and the bank have all signed the month: then it is locked. */
async function isLocked(ctx: AppContext, month: string, bankId: string, tx?: Tx) {
  // Inside a transaction the check must use it: PGlite has one connection, a second query would wait forever.
  const rows = await (tx ?? ctx.database.db)
    .select({ role: reconciliationSignoffs.role })
    .from(reconciliationSignoffs)
    .where(and(eq(reconciliationSignoffs.month, month), eq(reconciliationSignoffs.bankId, bankId)));
  return SIGNOFF_ROLES.every((r) => rows.some((x) => x.role === r));
}

type RunRow = typeof reconciliationRuns.$inferSelect & { startedByName: string };

/** A run over every bank (bankId null) reconciles the bank's data too, so the bank sees it. */
const runScope = (actor: Actor): SQL | undefined =>
  actor.role === 'bank'
    ? or(isNull(reconciliationRuns.bankId), eq(reconciliationRuns.bankId, actor.bankId ?? ''))
    : undefined;

/** 对账批次, the list and its exports. */
function runList(db: Db): ResourceList<RunRow> {
  return {
    resource: 'reconciliation-runs',
    spec: () => ({
      sortable: { id: reconciliationRuns.id, periodStart: reconciliationRuns.periodStart },
      defaultSort: ['id', 'DESC'],
      idColumn: reconciliationRuns.id,
      filters: { id: (v) => inArray(reconciliationRuns.id, asIdList('id', v).map(Number)) },
    }),
    scope: runScope,
    page: async (where, p) =>
      (
        await db
          .select({ r: reconciliationRuns, startedByName: users.displayName })
          .from(reconciliationRuns)
          .innerJoin(users, eq(users.id, reconciliationRuns.startedBy))
          .where(where)
          .orderBy(...p.orderBy)
          .limit(p.limit)
          .offset(p.offset)
      ).map((r) => ({ ...r.r, startedByName: r.startedByName })),
    count: async (where) => (await db.select({ n: count() }).from(reconciliationRuns).where(where))[0].n,
  };
}

const rc = exportColumns<RunRow, keyof (typeof reconciliationRunFieldTexts)['en']>(
  reconciliationRunFieldTexts,
);
/** Every field of the list record; a run without a bank is worded 全部银行, as on screen. */
const runExportColumns: ExportColumn<RunRow>[] = [
  rc.col('id', 'number'),
  rc.word('periodType', periodTypeTexts),
  rc.col('periodStart', 'date'),
  {
    key: 'bankId',
    kind: 'id',
    label: bankCodeTexts,
    value: (r, lang) => r.bankId ?? allBanksTexts[lang],
  },
  rc.word('status', runStatusTexts),
  rc.col('chunksDone', 'number'),
  rc.col('chunksTotal', 'number'),
  rc.col('found', 'number'),
  rc.col('error', 'text'),
  rc.col('startedBy', 'id'),
  rc.col('startedByName', 'text'),
  rc.col('createdAt', 'instant'),
  rc.col('finishedAt', 'instant'),
];

export function reconciliationRunRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx.database;
  const scope = runScope;
  const list = runList(db);
  return async (app) => {
    registerExports(app, ctx, {
      list,
      columns: runExportColumns,
      permission: ['reconciliation-runs', 'list'],
      name: 'reconciliation-runs',
    });

    app.get(
      '/',
      { config: { permission: ['reconciliation-runs', 'list'] }, schema: { querystring: listQuerySchema } },
      async (request, reply) => serveList(list, actorOf(request), request.query, reply),
    );

    app.get(
      '/:id',
      { config: { permission: ['reconciliation-runs', 'show'] }, schema: { params: idParams } },
      async (request) => {
        const [row] = await db
          .select()
          .from(reconciliationRuns)
          .where(and(eq(reconciliationRuns.id, request.params.id), scope(actorOf(request))));
        if (!row) throw notFound('Reconciliation run');
        return row;
      },
    );

    app.post(
      '/',
      {
        config: { permission: ['reconciliation-runs', 'create'] },
        schema: { body: reconciliationRunSchema },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const { periodType, periodStart, bankId } = request.body;
        if (bankId) {
          const [bank] = await db.select().from(banks).where(eq(banks.id, bankId));
          if (!bank) throw badRequest('Unknown bank', { bankId: { code: 'unknown_reference' } });
        }
        const month = periodStart.slice(0, 7);
        const bankIds = bankId ? [bankId] : (await db.select({ id: banks.id }).from(banks)).map((b) => b.id);
        for (const b of bankIds)
          if (await isLocked(ctx, month, b))
            throw conflict('period_locked', `${month} is signed off and locked for ${b}; reopen it first`);
        const run = await db.transaction(async (tx) => {
          const [r] = await tx
            .insert(reconciliationRuns)
            .values({
              periodType,
              periodStart,
              bankId: bankId ?? null,
              status: 'queued',
              chunksTotal: bankIds.length * periodDays(periodType, periodStart).length,
              chunksDone: 0,
              found: 0,
              startedBy: actor.id,
              createdAt: ctx.clock.now(),
            })
            .returning();
          await ctx.audit.record(tx, {
            actor,
            action: 'create',
            resource: 'reconciliation-runs',
            recordId: r.id,
            after: r,
            ip: request.ip,
          });
          return r;
        });
        // Worked in the background; the client follows the progress on the run.
        setImmediate(() => void executeRun(ctx, run.id));
        reply.code(202);
        return run;
      },
    );
  };
}

/** Whether the discrepancy's month is signed by all three parties for its bank (the SPA disables its steps). */
const lockedMonth = sql<boolean>`(select count(distinct s.role) from ${reconciliationSignoffs} s
  where s.month = to_char(${discrepancies.businessDate}, 'YYYY-MM') and s.bank_id = ${discrepancies.bankId}) = ${SIGNOFF_ROLES.length}`.mapWith(
  (v: unknown) => v === true || v === 't',
);

type DiscrepancyRow = typeof discrepancies.$inferSelect & { bankName: string; locked: boolean };

/** 对账差异, the list and its exports: a bank sees its own findings, the others every bank's. */
function discrepancyList(db: Db): ResourceList<DiscrepancyRow> {
  return {
    resource: 'discrepancies',
    spec: () => ({
      sortable: {
        id: discrepancies.id,
        businessDate: discrepancies.businessDate,
        platformFen: discrepancies.platformFen,
      },
      defaultSort: ['businessDate', 'DESC'],
      idColumn: discrepancies.id,
      filters: {
        id: (v) => inArray(discrepancies.id, asIdList('id', v).map(Number)),
        type: (v) => inArray(discrepancies.type, pick(DISCREPANCY_TYPES, v, 'type')),
        state: (v) => inArray(discrepancies.state, pick(DISCREPANCY_STATES, v, 'state')),
        bankId: (v) => inArray(discrepancies.bankId, asIdList('bankId', v).map(String)),
        runId: (v) => eq(discrepancies.runId, Number(v)),
        businessDate_gte: (v) => gte(discrepancies.businessDate, asString('businessDate_gte', v)),
        businessDate_lte: (v) => lte(discrepancies.businessDate, asString('businessDate_lte', v)),
      },
    }),
    scope: discrepancyScope,
    page: async (where, p) =>
      (
        await db
          .select({ d: discrepancies, bankName: banks.name, locked: lockedMonth })
          .from(discrepancies)
          .innerJoin(banks, eq(banks.id, discrepancies.bankId))
          .where(where)
          .orderBy(...p.orderBy)
          .limit(p.limit)
          .offset(p.offset)
      ).map((r) => ({ ...r.d, bankName: r.bankName, locked: r.locked })),
    count: async (where) => (await db.select({ n: count() }).from(discrepancies).where(where))[0].n,
  };
}

const dc = exportColumns<DiscrepancyRow, keyof (typeof discrepancyFieldTexts)['en']>(discrepancyFieldTexts);
/** Every field of the list record, types, owners and states worded. */
const discrepancyExportColumns: ExportColumn<DiscrepancyRow>[] = [
  dc.col('id', 'number'),
  dc.col('businessDate', 'date'),
  { ...dc.col('bankId', 'id'), label: bankCodeTexts },
  dc.col('bankName', 'text'),
  dc.word('type', discrepancyTypeTexts),
  dc.col('refKey', 'id'),
  dc.col('platformFen', 'money'),
  dc.col('bankFen', 'money'),
  dc.word('owner', discrepancyOwnerTexts),
  dc.word('state', discrepancyStateTexts),
  dc.col('note', 'text'),
  dc.col('runId', 'id'),
  {
    key: 'locked',
    kind: 'text',
    label: dc.label('locked'),
    value: (r, lang) => yesNoTexts[lang][r.locked ? 'yes' : 'no'],
  },
  dc.col('updatedAt', 'instant'),
];

const discrepancyScope = (actor: Actor): SQL | undefined =>
  actor.role === 'bank' ? eq(discrepancies.bankId, actor.bankId ?? '') : undefined;

export function discrepancyRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx.database;
  const scope = discrepancyScope;
  const list = discrepancyList(db);

  async function step(actor: Actor, id: number, to: 'explained' | 'resolved', note: string, ip: string) {
    return db.transaction(async (tx) => {
      const [d] = await tx
        .select()
        .from(discrepancies)
        .where(and(eq(discrepancies.id, id), scope(actor)))
        .for('update');
      if (!d) throw notFound('Discrepancy');
      const locked = await isLocked(ctx, d.businessDate.slice(0, 7), d.bankId, tx);
      assertStep(actor, to === 'explained' ? 'explain' : 'resolve', 'discrepancies', { ...d, locked });
      const [row] = await tx
        .update(discrepancies)
        .set({ state: to, note, updatedBy: actor.id, updatedAt: ctx.clock.now() })
        .where(eq(discrepancies.id, id))
        .returning();
      await ctx.audit.record(tx, {
        actor,
        action: to === 'explained' ? 'explain' : 'resolve',
        resource: 'discrepancies',
        recordId: id,
        before: { state: d.state },
        after: { state: to, note },
        ip,
      });
      return row;
    });
  }

  return async (app) => {
    registerExports(app, ctx, {
      list,
      columns: discrepancyExportColumns,
      permission: ['discrepancies', 'list'],
      name: 'discrepancies',
    });

    app.get(
      '/',
      { config: { permission: ['discrepancies', 'list'] }, schema: { querystring: listQuerySchema } },
      async (request, reply) => serveList(list, actorOf(request), request.query, reply),
    );

    app.get(
      '/counts',
      {
        config: { permission: ['discrepancies', 'list'] },
        schema: { querystring: z.object({ runId: z.coerce.number().int().positive().optional() }) },
      },
      async (request) => {
        const rows = await db
          .select({ type: discrepancies.type, n: count() })
          .from(discrepancies)
          .where(
            and(
              scope(actorOf(request)),
              request.query.runId ? eq(discrepancies.runId, request.query.runId) : undefined,
            ),
          )
          .groupBy(discrepancies.type);
        return Object.fromEntries(DISCREPANCY_TYPES.map((t) => [t, rows.find((r) => r.type === t)?.n ?? 0]));
      },
    );

    app.post(
      '/:id/explain',
      { config: { permission: ['discrepancies', 'explain'] }, schema: { params: idParams, body: stepBody } },
      async (request) =>
        step(actorOf(request), request.params.id, 'explained', request.body.reason, request.ip),
    );
    app.post(
      '/:id/resolve',
      { config: { permission: ['discrepancies', 'resolve'] }, schema: { params: idParams, body: stepBody } },
      async (request) =>
        step(actorOf(request), request.params.id, 'resolved', request.body.reason, request.ip),
    );
  };
}

const fenOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const inMonth = (column: Column, month: string) => sql`to_char(${column}, 'YYYY-MM') = ${month}`;

/** Banks with a completed run (for them, or for every bank) over a day or the whole of `month`. */
async function reconciledBanks(
  ctx: AppContext,
  month: string,
): Promise<{ all: boolean; banks: Set<string> }> {
  const runs = await ctx.database.db
    .selectDistinct({ bankId: reconciliationRuns.bankId })
    .from(reconciliationRuns)
    .where(and(eq(reconciliationRuns.status, 'completed'), inMonth(reconciliationRuns.periodStart, month)));
  return {
    all: runs.some((r) => r.bankId === null),
    banks: new Set(runs.flatMap((r) => (r.bankId ? [r.bankId] : []))),
  };
}

const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

/** The sign-off table of a month: each bank the caller sees, who signed, what is still open. */
async function signoffTable(ctx: AppContext, actor: Actor, month: string) {
  const { db } = ctx.database;
  const cal = await ctx.calendars.forRegion(db, '');
  const timetable = monthlyTimetable(month, cal);
  const today = ctx.clock.today();
  const bankRows = await db
    .select()
    .from(banks)
    .where(actor.role === 'bank' ? eq(banks.id, actor.bankId ?? '') : undefined);
  const signed = await db
    .select({ s: reconciliationSignoffs, name: users.displayName })
    .from(reconciliationSignoffs)
    .innerJoin(users, eq(users.id, reconciliationSignoffs.userId))
    .where(eq(reconciliationSignoffs.month, month));
  const reconciled = await reconciledBanks(ctx, month);
  // What a signature accepts: the findings of the month still open or only explained, by type.
  const pending = await db
    .select({
      bankId: discrepancies.bankId,
      type: discrepancies.type,
      count: count(),
      // Null when no finding of the type has that side (a line only the bank has).
      platformFen: sql<number | null>`sum(${discrepancies.platformFen})`.mapWith(fenOrNull),
      bankFen: sql<number | null>`sum(${discrepancies.bankFen})`.mapWith(fenOrNull),
    })
    .from(discrepancies)
    .where(
      and(
        inMonth(discrepancies.businessDate, month),
        inArray(discrepancies.state, ['open', 'explained']),
        actor.role === 'bank' ? eq(discrepancies.bankId, actor.bankId ?? '') : undefined,
      ),
    )
    .groupBy(discrepancies.bankId, discrepancies.type)
    .orderBy(discrepancies.bankId, discrepancies.type);
  return {
    month,
    timetable,
    banks: bankRows.map((b) => {
      const mine = signed.filter((s) => s.s.bankId === b.id);
      const roles = Object.fromEntries(
        SIGNOFF_ROLES.map((r) => {
          const s = mine.find((x) => x.s.role === r);
          return [r, s ? { name: s.name, at: s.s.at } : null];
        }),
      );
      const missing = SIGNOFF_ROLES.filter((r) => !roles[r]);
      return {
        bankId: b.id,
        bankName: b.name,
        signoffs: roles,
        locked: missing.length === 0,
        reconciled: reconciled.all || reconciled.banks.has(b.id),
        openDiscrepancies: pending
          .filter((p) => p.bankId === b.id)
          .map(({ type, count: n, platformFen, bankFen }) => ({
            type,
            count: Number(n),
            platformFen,
            bankFen,
          })),
        // Late: the monthly report date has passed and someone has not signed.
        late: today > timetable.monthlyReport ? missing : [],
      };
    }),
  };
}

type SignoffTableRow = Awaited<ReturnType<typeof signoffTable>>['banks'][number] & { month: string };

const sc = exportColumns<SignoffTableRow, keyof (typeof signoffFieldTexts)['en']>(signoffFieldTexts);
const yesNo = (v: boolean, lang: Lang) => yesNoTexts[lang][v ? 'yes' : 'no'];
/** One row per bank: each party's signer and time, the lock, and what the signatures accept. */
const signoffExportColumns: ExportColumn<SignoffTableRow>[] = [
  sc.col('month', 'text'),
  { ...sc.col('bankId', 'id'), label: bankCodeTexts },
  sc.col('bankName', 'text'),
  ...SIGNOFF_ROLES.flatMap((role): ExportColumn<SignoffTableRow>[] => [
    {
      key: `${role}SignedBy`,
      kind: 'text',
      label: signoffRoleLabel('signedBy', role),
      value: (r) => r.signoffs[role]?.name,
    },
    {
      key: `${role}SignedAt`,
      kind: 'instant',
      label: signoffRoleLabel('signedAt', role),
      value: (r) => r.signoffs[role]?.at,
    },
  ]),
  { key: 'locked', kind: 'text', label: sc.label('locked'), value: (r, lang) => yesNo(r.locked, lang) },
  {
    key: 'reconciled',
    kind: 'text',
    label: sc.label('reconciled'),
    value: (r, lang) => yesNo(r.reconciled, lang),
  },
  {
    key: 'openDiscrepancyCount',
    kind: 'number',
    label: sc.label('openDiscrepancyCount'),
    value: (r) => r.openDiscrepancies.reduce((n, d) => n + d.count, 0),
  },
  {
    key: 'openDiscrepancies',
    kind: 'text',
    label: sc.label('openDiscrepancies'),
    value: (r, lang) => openDiscrepancyText(r.openDiscrepancies, lang),
  },
  {
    key: 'late',
    kind: 'text',
    label: sc.label('late'),
    value: (r, lang) => r.late.map((role) => roleTexts[lang][role]).join(lang === 'en' ? ', ' : '、'),
  },
];

/** 金额不符 2（平台金额 1.00，银行/国库金额 0.90）；… — each open type, its count and sums in yuan. */
function openDiscrepancyText(rows: SignoffTableRow['openDiscrepancies'], lang: Lang): string {
  const [open, sep, close, join] = lang === 'en' ? [' (', ', ', ')', '; '] : ['（', '，', '）', '；'];
  const f = discrepancyFieldTexts[lang];
  return rows
    .map((d) => {
      const sums = [
        d.platformFen === null ? null : `${f.platformFen} ${(d.platformFen / 100).toFixed(2)}`,
        d.bankFen === null ? null : `${f.bankFen} ${(d.bankFen / 100).toFixed(2)}`,
      ].filter((x) => x !== null);
      const tail = sums.length ? `${open}${sums.join(sep)}${close}` : '';
      return `${discrepancyTypeTexts[lang][d.type]} ${d.count}${tail}`;
    })
    .join(join);
}

/** Monthly sign-off per bank by finance, police and the bank; all three lock the period. */
export function signoffRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx.database;
  return async (app) => {
    // A computed table (one row per bank for a month): exported from the very rows the page shows.
    registerRowExports(app, ctx, {
      resource: 'reconciliation-signoffs',
      filters: { month: monthSchema },
      rows: async (actor, filter) => {
        const month = (filter.month as string | undefined) ?? lastMonth(ctx.clock.today());
        return (await signoffTable(ctx, actor, month)).banks.map((b) => ({ ...b, month }));
      },
      columns: signoffExportColumns,
      permission: ['reconciliation-signoffs', 'list'],
      name: 'reconciliation-signoffs',
    });

    app.get(
      '/',
      {
        config: { permission: ['reconciliation-signoffs', 'list'] },
        schema: { querystring: z.object({ month: monthSchema }) },
      },
      async (request) => signoffTable(ctx, actorOf(request), request.query.month),
    );

    app.post(
      '/',
      { config: { permission: ['reconciliation-signoffs', 'create'] }, schema: { body: signoffSchema } },
      async (request, reply) => {
        const actor = actorOf(request);
        const { month, bankId } = request.body;
        if (actor.role === 'bank' && actor.bankId !== bankId) throw notFound('Bank');
        const role = actor.role as (typeof SIGNOFF_ROLES)[number];
        if (`${month}-01` > ctx.clock.today()) throw conflict('period_open', `${month} has not started yet`);
        const reconciled = await reconciledBanks(ctx, month);
        assertStep(actor, 'create', 'reconciliation-signoffs', {
          reconciled: reconciled.all || reconciled.banks.has(bankId),
        });
        try {
          await db.transaction(async (tx) => {
            await tx
              .insert(reconciliationSignoffs)
              .values({ month, bankId, role, userId: actor.id, at: ctx.clock.now() });
            await ctx.audit.record(tx, {
              actor,
              action: 'sign_off',
              resource: 'reconciliation-signoffs',
              recordId: `${month}/${bankId}`,
              after: { role },
              ip: request.ip,
            });
          });
        } catch (e) {
          if (pgErrorCode(e) === UNIQUE_VIOLATION)
            throw conflict('already_signed', `${role} has already signed ${month} for ${bankId}`);
          throw e;
        }
        reply.code(201);
        return { month, bankId, role, locked: await isLocked(ctx, month, bankId) };
      },
    );

    app.post(
      '/reopen',
      { config: { permission: ['reconciliation-signoffs', 'reopen'] }, schema: { body: reopenSchema } },
      async (request) => {
        const actor = actorOf(request);
        const { month, bankId, reason } = request.body;
        if (!(await isLocked(ctx, month, bankId)))
          throw conflict('not_locked', `${month} is not locked for ${bankId}`);
        await db.transaction(async (tx) => {
          await tx
            .delete(reconciliationSignoffs)
            .where(and(eq(reconciliationSignoffs.month, month), eq(reconciliationSignoffs.bankId, bankId)));
          await ctx.audit.record(tx, {
            actor,
            action: 'reopen',
            resource: 'reconciliation-signoffs',
            recordId: `${month}/${bankId}`,
            after: { reason },
            ip: request.ip,
          });
        });
        return { month, bankId, locked: false };
      },
    );
  };
}
