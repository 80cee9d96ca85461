import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  amountDueFen,
  CalendarMissingError,
  collectionPushSchema,
  maskDecision,
  statementPushSchema,
} from '../../domain';
import { recordCollection } from '../collections/service';
import type { AppContext, Institution } from '../context';
import { agreements, decisions, statementLines } from '../db/schema';
import { pgErrorCode, UNIQUE_VIOLATION } from '../http/db-errors';
import { conflict, forbidden, notFound } from '../http/errors';
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
