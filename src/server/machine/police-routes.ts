import { inArray } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  type Coded,
  decisionBatchSchema,
  decisionInputSchema,
  fieldErrorOf,
  format,
  valueAt,
} from '../../domain';
import type { AppContext } from '../context';
import { billingCodes, decisions, units } from '../db/schema';
import { insertDecision } from '../decisions/service';
import { idempotent } from './idempotency';

/** A batch item's field error: its code and params (worded by the caller), and the English text as before. */
const itemError = ({ code, params }: Coded) => ({
  code,
  ...(params ? { params } : {}),
  message: format('fieldErrors', { code, params }, 'en'),
});

/** `/api/police/v1`: the police platform loads penalty decisions in batches. */
export function policeRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx.database;
  return async (app) => {
    app.post(
      '/decisions',
      {
        config: { machine: 'police' },
        bodyLimit: 20 * 1024 * 1024,
        schema: { body: decisionBatchSchema, tags: ['police'] },
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
            const allUnits = await db.select().from(units);
            const codes = await db.select().from(billingCodes);
            const numbers = request.body.decisions.map((d) =>
              String((d as { decisionNumber?: unknown })?.decisionNumber ?? ''),
            );
            const existing = new Set(
              (
                await db
                  .select({ n: decisions.decisionNumber })
                  .from(decisions)
                  .where(inArray(decisions.decisionNumber, numbers))
              ).map((r) => r.n),
            );
            const results = [];
            for (const raw of request.body.decisions) {
              const parsed = decisionInputSchema.safeParse(raw);
              if (!parsed.success) {
                results.push({
                  decisionNumber: (raw as { decisionNumber?: string })?.decisionNumber ?? null,
                  status: 'error',
                  errors: Object.fromEntries(
                    parsed.error.issues.map((i) => [
                      i.path.join('.') || 'decision',
                      itemError(fieldErrorOf(i, valueAt(raw, i.path))),
                    ]),
                  ),
                });
                continue;
              }
              const d = parsed.data;
              if (existing.has(d.decisionNumber)) {
                results.push({ decisionNumber: d.decisionNumber, status: 'exists' });
                continue;
              }
              const outcome = await insertDecision(db, ctx, d, allUnits, codes, {
                keyId: inst.keyId,
                ip: request.ip,
              });
              if ('errors' in outcome)
                results.push({
                  decisionNumber: d.decisionNumber,
                  status: 'error',
                  errors: Object.fromEntries(
                    Object.entries(outcome.errors).map(([f, e]) => [f, itemError(e)]),
                  ),
                });
              else {
                existing.add(d.decisionNumber);
                results.push({
                  decisionNumber: d.decisionNumber,
                  status: 'created',
                  id: outcome.id,
                  matchedCollections: outcome.matched,
                });
              }
            }
            return { statusCode: 200, body: { results } };
          },
        );
        reply.code(result.statusCode);
        return result.body;
      },
    );
  };
}
