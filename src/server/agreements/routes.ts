import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AGREEMENT_READ_ONLY,
  type AgreementAction,
  agreementFileSchema,
  agreementInputProblems,
  agreementInputSchema,
  agreementTransition,
  reasonSchema,
  version,
  withReadOnly,
} from '../../domain';
import {
  agreementFieldTexts,
  agreementStatusTexts,
  dataExchangeTexts,
  remittanceMethodTexts,
  yesNoTexts,
} from '../../domain/i18n';
import { type AppContext, actorOf } from '../context';
import { agreementEvents, agreements, banks, regions } from '../db/schema';
import {
  assertNoProblems,
  badRequest,
  conflict,
  type FieldErrors,
  notFound,
  staleVersion,
  unprocessable,
} from '../http/errors';
import { registerExports } from '../http/export';
import { listQuerySchema } from '../http/list-query';
import { serveList } from '../http/resource-list';
import { labelledColumns, wordedCell } from '../http/table-list';
import { updateVersioned } from '../http/versioned';
import { type AgreementListRow, createAgreementRepository } from './repository';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const updateSchema = withReadOnly(agreementInputSchema.extend({ version }), AGREEMENT_READ_ONLY);
const REASON_REQUIRED: readonly AgreementAction[] = ['suspend', 'terminate'];

/** The agreement list's fields; account numbers and codes as text cells (all digits kept). */
const agreementExportColumns = labelledColumns<AgreementListRow, keyof typeof agreementFieldTexts.en>(
  agreementFieldTexts,
  [
    ['id', 'number'],
    ['agreementNo', 'id'],
    ['bankId', 'id'],
    ['bankName', 'text'],
    ['regionCode', 'id'],
    ['regionName', 'text'],
    ['accountName', 'text'],
    ['accountNumber', 'id'],
    ['accountBranch', 'text'],
    ['remittanceMethod', 'text', wordedCell(remittanceMethodTexts, (a) => a.remittanceMethod)],
    ['dataExchangeMethod', 'text', wordedCell(dataExchangeTexts, (a) => a.dataExchangeMethod)],
    ['cutoffTime', 'text'],
    ['signedOn', 'date'],
    ['effectiveFrom', 'date'],
    ['effectiveTo', 'date'],
    ['filedOn', 'date'],
    ['filingReference', 'id'],
    ['filingDueOn', 'date'],
    ['overdueFiling', 'text', wordedCell(yesNoTexts, (a) => (a.overdueFiling ? 'yes' : 'no'))],
    ['status', 'text', wordedCell(agreementStatusTexts, (a) => a.status)],
    ['note', 'text'],
    ['createdAt', 'instant'],
    ['updatedAt', 'instant'],
  ],
);

export function agreementRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx.database;
  const repo = createAgreementRepository(db, ctx.clock);

  /** Bank and region must exist: a 400 naming the field, not a foreign-key 500. */
  async function checkReferences(bankId: string, regionCode: string) {
    const [[bank], [region]] = await Promise.all([
      db.select({ id: banks.id }).from(banks).where(eq(banks.id, bankId)),
      db.select({ code: regions.code }).from(regions).where(eq(regions.code, regionCode)),
    ]);
    const problems: FieldErrors = {};
    if (!bank) problems.bankId = { code: 'unknown_reference' };
    if (!region) problems.regionCode = { code: 'unknown_region' };
    assertNoProblems(problems);
  }

  async function assertUniqueNo(agreementNo: string, exceptId?: number) {
    const [clash] = await db
      .select({ id: agreements.id })
      .from(agreements)
      .where(eq(agreements.agreementNo, agreementNo));
    if (clash && clash.id !== exceptId)
      throw unprocessable('duplicate_agreement_no', `Agreement number ${agreementNo} is already used`, {
        agreementNo: { code: 'taken' },
      });
  }

  return async (app) => {
    registerExports(app, ctx, {
      list: repo.list,
      columns: agreementExportColumns,
      permission: ['agreements', 'list'],
      name: 'agreements',
    });

    app.get(
      '/',
      { config: { permission: ['agreements', 'list'] }, schema: { querystring: listQuerySchema } },
      async (request, reply) => serveList(repo.list, actorOf(request), request.query, reply),
    );

    app.get(
      '/:id',
      { config: { permission: ['agreements', 'show'] }, schema: { params: idParams } },
      async (request) => {
        const row = await repo.get(actorOf(request), request.params.id);
        if (!row) throw notFound('Agreement');
        return { ...row, history: await repo.history(row.id) };
      },
    );

    app.post(
      '/',
      { config: { permission: ['agreements', 'create'] }, schema: { body: agreementInputSchema } },
      async (request, reply) => {
        const actor = actorOf(request);
        const input = request.body;
        assertNoProblems(agreementInputProblems(input));
        await checkReferences(input.bankId, input.regionCode);
        await assertUniqueNo(input.agreementNo);
        const id = await db.transaction(async (tx) => {
          const [created] = await tx
            .insert(agreements)
            .values({
              ...input,
              effectiveTo: input.effectiveTo ?? null,
              note: input.note ?? null,
              createdBy: actor.id,
            })
            .returning();
          await tx.insert(agreementEvents).values({
            agreementId: created.id,
            action: 'create',
            toStatus: created.status,
            actorId: actor.id,
            at: ctx.clock.now(),
          });
          await ctx.audit.record(tx, {
            actor,
            action: 'create',
            resource: 'agreements',
            recordId: created.id,
            after: created,
            ip: request.ip,
          });
          return created.id;
        });
        reply.code(201);
        return repo.get(actor, id);
      },
    );

    app.put(
      '/:id',
      { config: { permission: ['agreements', 'edit'] }, schema: { params: idParams, body: updateSchema } },
      async (request) => {
        const actor = actorOf(request);
        const { id } = request.params;
        const body = agreementInputSchema
          .extend({ version })
          .parse(
            Object.fromEntries(
              Object.entries(request.body).filter(
                ([k]) => !(AGREEMENT_READ_ONLY as readonly string[]).includes(k),
              ),
            ),
          );
        const { version: expected, ...input } = body;
        assertNoProblems(agreementInputProblems(input));
        const current = await repo.get(actor, id);
        if (!current) throw notFound('Agreement');
        if (current.status === 'terminated')
          throw conflict('agreement_terminated', 'A terminated agreement cannot be edited');
        if (current.version !== expected) throw staleVersion();
        if (actor.role === 'bank' && input.bankId !== current.bankId)
          throw badRequest('bankId cannot change', { bankId: { code: 'cannot_change' } });
        await checkReferences(input.bankId, input.regionCode);
        await assertUniqueNo(input.agreementNo, id);
        await db.transaction(async (tx) => {
          const updated = await updateVersioned(
            tx,
            agreements,
            eq(agreements.id, id),
            expected,
            {
              ...input,
              effectiveTo: input.effectiveTo ?? null,
              note: input.note ?? null,
            },
            ctx.clock.now(),
          );
          await ctx.audit.record(tx, {
            actor,
            action: 'update',
            resource: 'agreements',
            recordId: id,
            before: current,
            after: updated,
            ip: request.ip,
          });
        });
        return { ...(await repo.get(actor, id)), history: await repo.history(id) };
      },
    );

    for (const action of ['activate', 'suspend', 'terminate'] as const) {
      app.post(
        `/:id/${action}`,
        { config: { permission: ['agreements', action] }, schema: { params: idParams, body: reasonSchema } },
        async (request) => {
          const actor = actorOf(request);
          const { id } = request.params;
          const reason = request.body.reason ?? null;
          if (REASON_REQUIRED.includes(action) && !reason)
            throw badRequest(`A reason is required to ${action} an agreement`, {
              reason: { code: 'required' },
            });
          await db.transaction(async (tx) => {
            const current = await repo.get(actor, id, tx, true);
            if (!current) throw notFound('Agreement');
            const next = agreementTransition(current.status, action);
            if (!next)
              throw conflict('invalid_transition', `Cannot ${action} an agreement that is ${current.status}`);
            if (action === 'activate' && current.effectiveTo && current.effectiveTo < ctx.clock.today())
              throw unprocessable('agreement_expired', `The agreement expired on ${current.effectiveTo}`);
            const now = ctx.clock.now();
            const [after] = await tx
              .update(agreements)
              .set({ status: next, version: current.version + 1, updatedAt: now })
              .where(eq(agreements.id, id))
              .returning();
            await tx.insert(agreementEvents).values({
              agreementId: id,
              action,
              fromStatus: current.status,
              toStatus: next,
              reason,
              actorId: actor.id,
              at: now,
            });
            await ctx.audit.record(tx, {
              actor,
              action,
              resource: 'agreements',
              recordId: id,
              before: current,
              after: { ...after, reason },
              ip: request.ip,
            });
          });
          return { ...(await repo.get(actor, id)), history: await repo.history(id) };
        },
      );
    }

    app.post(
      '/:id/file',
      {
        config: { permission: ['agreements', 'file'] },
        schema: { params: idParams, body: agreementFileSchema },
      },
      async (request) => {
        const actor = actorOf(request);
        const { id } = request.params;
        const today = ctx.clock.today();
        const filedOn = request.body.filedOn ?? today;
        await db.transaction(async (tx) => {
          const current = await repo.get(actor, id, tx, true);
          if (!current) throw notFound('Agreement');
          if (current.filedOn)
            throw conflict('already_filed', `The agreement was already filed on ${current.filedOn}`);
          if (current.status === 'terminated')
            throw conflict('agreement_terminated', 'A terminated agreement cannot be filed');
          if (filedOn < current.signedOn || filedOn > today)
            throw unprocessable(
              'invalid_filing_date',
              `The filing date must be between the signing date ${current.signedOn} and today ${today}`,
              {
                filedOn: { code: 'invalid' },
              },
            );
          const now = ctx.clock.now();
          const [after] = await tx
            .update(agreements)
            .set({
              filedOn,
              filingReference: request.body.reference ?? null,
              version: current.version + 1,
              updatedAt: now,
            })
            .where(eq(agreements.id, id))
            .returning();
          await tx.insert(agreementEvents).values({
            agreementId: id,
            action: 'file',
            reason: request.body.reference ?? null,
            actorId: actor.id,
            at: now,
          });
          await ctx.audit.record(tx, {
            actor,
            action: 'file',
            resource: 'agreements',
            recordId: id,
            before: current,
            after,
            ip: request.ip,
          });
        });
        return { ...(await repo.get(actor, id)), history: await repo.history(id) };
      },
    );
  };
}
