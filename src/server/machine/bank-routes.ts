import { and, eq, inArray } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  amountDueFen,
  CalendarMissingError,
  collectionPushSchema,
  maskDecision,
  remittancePushSchema,
  shanghaiDate,
  statementPushSchema,
} from '../../domain';
import { recordCollection } from '../collections/service';
import type { AppContext, Institution } from '../context';
import {
  agreements,
  collections,
  decisions,
  remittanceTransferItems,
  remittanceTransfers,
  statementLines,
} from '../db/schema';
import { pgErrorCode, UNIQUE_VIOLATION } from '../http/db-errors';
import { conflict, forbidden, notFound, unprocessable } from '../http/errors';
import { assertPlausibleEventTime } from '../http/plausible';
import { refreshRemittances } from '../remittances/service';
import { idempotent } from './idempotency';

const institutionOf = (r: { institution: Institution | null }) => {
  if (!r.institution) throw new Error('machine route reached without an authenticated institution');
  return r.institution;
};

/** `/api/bank/v1`: agent banks look decisions up and push the collections they took. */
export function bankRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx.database;
  return async (app) => {
    app.get(
      '/decisions/:number',
      {
        config: { machine: 'bank' },
        schema: { params: z.object({ number: z.string().min(4).max(40) }), tags: ['bank'] },
      },
      async (request) => {
        const [d] = await db
          .select()
          .from(decisions)
          .where(eq(decisions.decisionNumber, request.params.number));
        if (!d) throw notFound('Decision');
        const today = ctx.clock.today();
        let due: number | null = null;
        let reason: string | null = null;
        try {
          due = amountDueFen(d, today, await ctx.calendars.forRegion(db, d.regionCode));
        } catch (e) {
          if (!(e instanceof CalendarMissingError)) throw e;
          reason = 'calendar_missing';
        }
        if (d.paymentStatus !== 'unpaid') reason = 'already_paid';
        const masked = maskDecision({ partyName: d.partyName, plate: d.plate });
        return {
          decisionNumber: d.decisionNumber,
          partyName: masked.partyName,
          plate: masked.plate,
          fineFen: d.fineFen,
          lateFeeFen: due === null ? null : due - d.fineFen,
          amountDueFen: due,
          asOf: today,
          payable: reason === null,
          reason,
        };
      },
    );

    app.post(
      '/collections',
      { config: { machine: 'bank' }, schema: { body: collectionPushSchema, tags: ['bank'] } },
      async (request, reply) => {
        const inst = institutionOf(request);
        assertPlausibleEventTime(ctx, 'collectedAt', request.body.collectedAt);
        const result = await idempotent(
          db,
          ctx.clock,
          inst.keyId,
          request.headers['idempotency-key'] as string | undefined,
          request.rawBody ?? '',
          async () => {
            try {
              const body = await db.transaction(async (tx) => {
                const r = await recordCollection(tx, ctx, {
                  ...request.body,
                  bankId: inst.bankId ?? '',
                  keyId: inst.keyId,
                });
                await ctx.audit.record(tx, {
                  actor: null,
                  actorUsername: `key:${inst.keyId}`,
                  action: 'push',
                  resource: 'collections',
                  recordId: r.collectionId,
                  after: {
                    bankId: inst.bankId,
                    decisionNumber: request.body.decisionNumber,
                    amountFen: request.body.amountFen,
                    status: r.status,
                    flags: r.flags.join(','),
                  },
                  ip: request.ip,
                });
                return r;
              });
              return { statusCode: 201, body };
            } catch (e) {
              if (pgErrorCode(e) === UNIQUE_VIOLATION)
                throw conflict(
                  'duplicate_bank_txn',
                  `Bank transaction ${request.body.bankTxnId} was already pushed`,
                );
              throw e;
            }
          },
        );
        reply.code(result.statusCode);
        if (result.replayed) reply.header('Idempotent-Replay', 'true');
        return result.body;
      },
    );

    // What the bank sent to the treasury, naming the collections it covers; settles obligations.
    app.post(
      '/remittances',
      {
        config: { machine: 'bank' },
        bodyLimit: 5 * 1024 * 1024,
        schema: { body: remittancePushSchema, tags: ['bank'] },
      },
      async (request, reply) => {
        const inst = institutionOf(request);
        const bankId = inst.bankId ?? '';
        const body = request.body;
        assertPlausibleEventTime(ctx, 'transferredAt', body.transferredAt);
        const result = await idempotent(
          db,
          ctx.clock,
          inst.keyId,
          request.headers['idempotency-key'] as string | undefined,
          request.rawBody ?? '',
          async () => {
            const wanted = [...new Set(body.bankTxnIds)];
            const found = await db
              .select({
                id: collections.id,
                bankTxnId: collections.bankTxnId,
                amountFen: collections.amountFen,
                transferId: remittanceTransferItems.transferId,
              })
              .from(collections)
              .leftJoin(remittanceTransferItems, eq(remittanceTransferItems.collectionId, collections.id))
              .where(and(eq(collections.bankId, bankId), inArray(collections.bankTxnId, wanted)));
            const unknown = wanted.filter((w) => !found.some((f) => f.bankTxnId === w));
            const already = found.filter((f) => f.transferId !== null).map((f) => f.bankTxnId);
            if (unknown.length || already.length)
              throw unprocessable(
                'remittance_collections',
                `${unknown.length} unknown and ${already.length} already remitted collection(s): ${[...unknown, ...already].slice(0, 10).join(', ')}`,
                { bankTxnIds: { code: 'invalid' } },
              );
            const total = found.reduce((sum, f) => sum + f.amountFen, 0);
            if (total !== body.amountFen)
              throw unprocessable(
                'remittance_amount',
                `The transfer is ${body.amountFen} fen but its collections add up to ${total} fen`,
                { amountFen: { code: 'invalid', params: { expectedFen: total } } },
              );
            const transferredAt = new Date(body.transferredAt);
            try {
              const transfer = await db.transaction(async (tx) => {
                const [t] = await tx
                  .insert(remittanceTransfers)
                  .values({
                    bankId,
                    reference: body.reference,
                    amountFen: body.amountFen,
                    transferredAt,
                    businessDate: shanghaiDate(transferredAt),
                    keyId: inst.keyId,
                    createdAt: ctx.clock.now(),
                  })
                  .returning();
                for (let i = 0; i < found.length; i += 1000)
                  await tx
                    .insert(remittanceTransferItems)
                    .values(found.slice(i, i + 1000).map((f) => ({ transferId: t.id, collectionId: f.id })));
                await ctx.audit.record(tx, {
                  actor: null,
                  actorUsername: `key:${inst.keyId}`,
                  action: 'push',
                  resource: 'remittance-transfers',
                  recordId: t.id,
                  after: {
                    bankId,
                    reference: t.reference,
                    amountFen: t.amountFen,
                    collections: found.length,
                  },
                  ip: request.ip,
                });
                return t;
              });
              await refreshRemittances(db, ctx, [bankId]);
              return {
                statusCode: 201,
                body: { transferId: transfer.id, reference: transfer.reference, collections: found.length },
              };
            } catch (e) {
              if (pgErrorCode(e) === UNIQUE_VIOLATION)
                throw conflict(
                  'duplicate_transfer',
                  `Transfer ${body.reference} or one of its collections was already pushed`,
                );
              throw e;
            }
          },
        );
        reply.code(result.statusCode);
        if (result.replayed) reply.header('Idempotent-Replay', 'true');
        return result.body;
      },
    );

    // Daily statement lines, stored as they are for reconciliation; only for the bank's own accounts.
    app.post(
      '/statements',
      {
        config: { machine: 'bank' },
        bodyLimit: 20 * 1024 * 1024,
        schema: { body: statementPushSchema, tags: ['bank'] },
      },
      async (request, reply) => {
        const inst = institutionOf(request);
        const own = await db
          .select({ account: agreements.accountNumber })
          .from(agreements)
          .where(eq(agreements.bankId, inst.bankId ?? ''));
        if (!own.some((a) => a.account === request.body.account))
          throw forbidden(
            `Account ${request.body.account} is not one of ${inst.bankId}'s agreement accounts`,
            'foreign_account',
          );
        const result = await idempotent(
          db,
          ctx.clock,
          inst.keyId,
          request.headers['idempotency-key'] as string | undefined,
          request.rawBody ?? '',
          async () => {
            const body = await db.transaction(async (tx) => {
              const rows = request.body.lines.map((l) => ({
                ...l,
                bankId: inst.bankId ?? '',
                account: request.body.account,
                valueDate: request.body.valueDate,
                keyId: inst.keyId,
                receivedAt: ctx.clock.now(),
              }));
              let stored = 0;
              for (let i = 0; i < rows.length; i += 2000)
                stored += (
                  await tx
                    .insert(statementLines)
                    .values(rows.slice(i, i + 2000))
                    .onConflictDoNothing()
                    .returning({ id: statementLines.id })
                ).length;
              await ctx.audit.record(tx, {
                actor: null,
                actorUsername: `key:${inst.keyId}`,
                action: 'push',
                resource: 'statements',
                recordId: `${inst.bankId}:${request.body.valueDate}`,
                after: { lines: rows.length, stored },
                ip: request.ip,
              });
              return { stored, duplicates: rows.length - stored };
            });
            return { statusCode: 201, body };
          },
        );
        reply.code(result.statusCode);
        return result.body;
      },
    );
  };
}
