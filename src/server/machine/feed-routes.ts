import { asc, gt, min, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context';
import type { Db } from '../db/client';
import { feedPositions, paidStatusChanges } from '../db/schema';

const FEED_READER = 'police';

const feedQuerySchema = z.object({
  // A cursor is a decimal seq; omitted means from the beginning.
  after: z
    .string()
    .regex(/^(0|[1-9]\d{0,17})$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

const changeSchema = z.object({
  cursor: z.string(),
  decisionNumber: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  source: z.string(),
  at: z.string(),
});

/**
 * The paid-status feed's lag: the oldest change the police platform has not read yet (null when it
 * is up to date). Its position is what it last passed as `after`.
 */
export async function feedLag(
  db: Db,
  now: Date,
): Promise<{ minutes: number; unread: number; connected: boolean } | null> {
  const [pos] = await db
    .select()
    .from(feedPositions)
    .where(sql`${feedPositions.institution} = ${FEED_READER}`);
  const [oldest] = await db
    .select({ at: min(paidStatusChanges.at), unread: sql<number>`count(*)`.mapWith(Number) })
    .from(paidStatusChanges)
    .where(gt(paidStatusChanges.seq, pos?.after ?? 0));
  if (!oldest?.at) return null;
  return {
    minutes: Math.max(0, Math.floor((now.getTime() - new Date(oldest.at).getTime()) / 60_000)),
    unread: oldest.unread,
    // Until the platform first reads, there is no lag to warn about, only a feed waiting for it.
    connected: pos !== undefined,
  };
}

/** `/api/police/v1/paid-status-changes`: every payment-status transition once, in commit order. */
export function feedRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx.database;
  return async (app) => {
    app.get(
      '/paid-status-changes',
      {
        config: { machine: 'police' },
        schema: {
          tags: ['police'],
          description:
            "Payment-status transitions (bank, manual, refund; not the initial import) in commit order. Page with `after` = the previous answer's `next`; every change is returned exactly once, also while pushes commit concurrently. The server keeps the last `after` to show the platform's lag.",
          querystring: feedQuerySchema,
          response: { 200: z.object({ changes: z.array(changeSchema), next: z.string() }) },
        },
      },
      async (request) => {
        const after = Number(request.query.after ?? 0);
        const rows = await db
          .select()
          .from(paidStatusChanges)
          .where(gt(paidStatusChanges.seq, after))
          .orderBy(asc(paidStatusChanges.seq))
          .limit(request.query.limit);
        const now = ctx.clock.now();
        // Reading from `after` confirms everything up to it; the position never moves back.
        await db
          .insert(feedPositions)
          .values({ institution: FEED_READER, after, readAt: now })
          .onConflictDoUpdate({
            target: feedPositions.institution,
            set: { after: sql`greatest(${feedPositions.after}, ${after})`, readAt: now },
          });
        return {
          changes: rows.map((r) => ({
            cursor: String(r.seq),
            decisionNumber: r.decisionNumber,
            fromStatus: r.fromStatus,
            toStatus: r.toStatus,
            source: r.source,
            at: r.at.toISOString(),
          })),
          next: String(rows.length ? rows[rows.length - 1].seq : after),
        };
      },
    );
  };
}
