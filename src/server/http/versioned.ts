import { and, eq, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Tx } from '../audit/log';
import { staleVersion } from './errors';

/**
 * Optimistic-locking update: sets the values, bumps `version` and `updatedAt`, and only touches the
 * row if it still has the version the client read; otherwise 409 (no lost update).
 */
export async function updateVersioned<T extends PgTable & { version: PgColumn }>(
  tx: Tx,
  table: T,
  rowCondition: SQL | undefined,
  expected: number,
  values: PgUpdateSetSource<T>,
  now: Date,
): Promise<T['$inferSelect']> {
  const set = { ...values, version: expected + 1, updatedAt: now } as PgUpdateSetSource<T>;
  const rows = (await tx
    .update(table)
    .set(set)
    .where(and(rowCondition, eq(table.version, expected)))
    .returning()) as T['$inferSelect'][];
  if (rows.length === 0) throw staleVersion();
  return rows[0];
}
