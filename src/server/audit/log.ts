import { asc, desc, gt, sql } from 'drizzle-orm';
import type { Actor } from '../../domain/roles';
import type { Clock } from '../clock';
import type { Db } from '../db/client';
import { auditEvents } from '../db/schema';
import { eventHash, GENESIS_HASH } from './chain';
import { auditPayload } from './mask';

export interface AuditInput {
  actor: Pick<Actor, 'id' | 'username' | 'role'> | null;
  /** For events without a session (failed logins), who it was about. */
  actorUsername?: string;
  action: string;
  resource: string;
  recordId?: string | number | null;
  before?: object | null;
  after?: object | null;
  ip?: string | null;
}

// Any constant works; all writers of the chain agree on it.
const CHAIN_LOCK = 7_310_001;

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export function createAuditLog(clock: Clock) {
  /** Appends one event inside the caller's transaction, so the event and the change commit together. */
  async function record(tx: Tx | Db, input: AuditInput): Promise<void> {
    await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
    const [head] = await tx
      .select({ hash: auditEvents.hash })
      .from(auditEvents)
      .orderBy(desc(auditEvents.id))
      .limit(1);
    const fields = {
      at: clock.now(),
      actorId: input.actor?.id ?? null,
      actorUsername: input.actor?.username ?? input.actorUsername ?? null,
      actorRole: input.actor?.role ?? null,
      action: input.action,
      resource: input.resource,
      recordId: input.recordId == null ? null : String(input.recordId),
      before: auditPayload(input.before),
      after: auditPayload(input.after),
      ip: input.ip ?? null,
    };
    const prevHash = head?.hash ?? GENESIS_HASH;
    await tx.insert(auditEvents).values({ ...fields, prevHash, hash: eventHash(prevHash, fields) });
  }

  /** Standalone event (its own transaction): logins, failures, reveals. */
  const recordNow = (db: Db, input: AuditInput) => db.transaction((tx) => record(tx, input));

  return { record, recordNow };
}
export type AuditLog = ReturnType<typeof createAuditLog>;

export interface VerifyResult {
  ok: boolean;
  count: number;
  firstBrokenId?: number;
}

/** Walks the chain in id order, in pages, recomputing every hash. */
export async function verifyChain(db: Db, pageSize = 5000): Promise<VerifyResult> {
  let prev = GENESIS_HASH;
  let lastId = 0;
  let count = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.id, lastId))
      .orderBy(asc(auditEvents.id))
      .limit(pageSize);
    for (const row of rows) {
      const expected = eventHash(prev, row);
      if (row.prevHash !== prev || row.hash !== expected) return { ok: false, count, firstBrokenId: row.id };
      prev = row.hash;
      count++;
      lastId = row.id;
    }
    if (rows.length < pageSize) return { ok: true, count };
  }
}
