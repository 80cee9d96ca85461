import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { treasuryEntryBatchSchema } from '../../domain';
import type { AppContext } from '../context';
import { insertEntries, judgeEntries } from '../remittances/treasury-entries';
import { idempotent } from './idempotency';

/**
 * `/api/treasury/v1`: the treasury system posts its entries 入库. Valid items are stored, invalid or
 * duplicate ones come back with their errors (nothing half-written per item); the feedback to finance
 * is recomputed at once.
 */
export function treasuryMachineRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx.database;
  return async (app) => {
    app.post(
      '/entries',
      {
        config: { machine: 'treasury' },
        bodyLimit: 5 * 1024 * 1024,
        schema: { body: treasuryEntryBatchSchema, tags: ['treasury'] },
      },
      async (request, reply) => {
        const inst = request.institution!;
        const result = await idempotent(
          db,
          ctx.clock,
          inst.keyId,
          request.headers['idempotency-key'] as string | undefined,
          request.rawBody ?? '',
          async () => {
            const judged = await judgeEntries(ctx, request.body.entries);
            const rows = await insertEntries(
              ctx,
              judged.accepted.map((a) => a.input),
              { source: 'api', actor: null, keyId: inst.keyId, ip: request.ip },
            );
            const results = request.body.entries.map((_, i) => {
              const at = judged.accepted.findIndex((a) => a.index === i);
              if (at >= 0) return { index: i, status: 'created' as const, id: rows[at].id };
              const errors = judged.errors.filter((e) => e.row === i + 1);
              return {
                index: i,
                status: 'error' as const,
                // Each field's error as `{ code, params?, message }`; `message` is the English text sent before.
                errors: Object.fromEntries(
                  errors.map((e) => [
                    e.field,
                    { code: e.code, ...(e.params ? { params: e.params } : {}), message: e.message },
                  ]),
                ),
              };
            });
            return { statusCode: 200, body: { created: rows.length, results } };
          },
        );
        reply.code(result.statusCode);
        if (result.replayed) reply.header('Idempotent-Replay', 'true');
        return result.body;
      },
    );
  };
}
