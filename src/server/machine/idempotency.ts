import { and, eq, lt } from 'drizzle-orm';
import type { Clock } from '../clock';
import type { Db } from '../db/client';
import { idempotencyKeys } from '../db/schema';
import { HttpError, unprocessable } from '../http/errors';
import { sha256Hex } from './auth';

const KEEP_MS = 7 * 24 * 3_600_000;

export interface StoredResponse {
  statusCode: number;
  body: unknown;
}

/**
 * Runs `work` once per (key id, Idempotency-Key): a replay with the same body gets the first
 * response and changes nothing; the same key with another body is a 422.
 */
export async function idempotent(
  db: Db,
  clock: Clock,
  keyId: string,
  idempotencyKey: string | undefined,
  rawBody: string,
  work: () => Promise<StoredResponse>,
): Promise<StoredResponse & { replayed: boolean }> {
  if (!idempotencyKey || !/^[\w.:-]{8,128}$/.test(idempotencyKey))
    throw new HttpError(
      400,
      'idempotency_key_required',
      'Idempotency-Key header (8–128 characters) is required',
      {
        'Idempotency-Key': { code: 'required' },
      },
    );
  const hash = sha256Hex(rawBody);
  const find = async () => {
    const [row] = await db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.keyId, keyId), eq(idempotencyKeys.idempotencyKey, idempotencyKey)));
    return row;
  };
  const replay = (row: typeof idempotencyKeys.$inferSelect) => {
    if (row.requestHash !== hash)
      throw unprocessable('idempotency_key_reuse', 'This Idempotency-Key was used with a different body');
    return { statusCode: row.statusCode, body: row.response, replayed: true };
  };
  const existing = await find();
  if (existing && existing.createdAt.getTime() > clock.now().getTime() - KEEP_MS) return replay(existing);
  const result = await work();
  const inserted = await db
    .insert(idempotencyKeys)
    .values({
      keyId,
      idempotencyKey,
      requestHash: hash,
      statusCode: result.statusCode,
      response: result.body as object,
      createdAt: clock.now(),
    })
    .onConflictDoNothing()
    .returning();
  if (inserted.length === 0) {
    const winner = await find();
    if (winner) return replay(winner);
  }
  return { ...result, replayed: false };
}

export const purgeIdempotencyKeys = (db: Db, clock: Clock) =>
  db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, new Date(clock.now().getTime() - KEEP_MS)));
