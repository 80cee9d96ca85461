import { and, count, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { FastifyReply } from 'fastify';
import type { Db } from '../db/client';
import { contentRange, type ListQuery, type ListSpec, parseList } from './list-query';

/** A whole-table list with whitelisted sort and filters, a scope condition and a Content-Range header. */
export async function listTable<T extends PgTable>(
  db: Db,
  table: T,
  resource: string,
  query: ListQuery,
  spec: ListSpec,
  reply: FastifyReply,
  scope?: SQL,
) {
  const parsed = parseList(query, spec);
  const where = and(scope, parsed.where);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(table as PgTable)
      .where(where)
      .orderBy(...parsed.orderBy)
      .limit(parsed.limit)
      .offset(parsed.offset),
    db
      .select({ total: count() })
      .from(table as PgTable)
      .where(where),
  ]);
  reply.header('Content-Range', contentRange(resource, parsed.offset, rows.length, total));
  return rows as T['$inferSelect'][];
}
