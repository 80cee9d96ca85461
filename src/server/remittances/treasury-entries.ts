import { inArray } from 'drizzle-orm';
import {
  entryKey,
  issueRowErrors,
  type RowError,
  rowError,
  type TreasuryEntryInput,
  treasuryEntryRowSchema,
} from '../../domain';
import type { Actor } from '../../domain/roles';
import type { AppContext } from '../context';
import { remittanceTransfers, treasuries, treasuryEntries } from '../db/schema';
import { refreshFeedback } from './service';

export interface Judged {
  accepted: { index: number; input: TreasuryEntryInput }[];
  errors: RowError[];
}

/**
 * Judges entry candidates (file rows or API items): schema, known treasury, a transfer with that
 * reference, and no duplicate — already stored or twice in the batch. Rows are numbered from 1.
 */
export async function judgeEntries(ctx: AppContext, candidates: unknown[]): Promise<Judged> {
  const { db } = ctx.database;
  const parsed = candidates.map((c) => treasuryEntryRowSchema.safeParse(c));
  const ok = parsed.flatMap((p) => (p.success ? [p.data] : []));
  const [allTreasuries, transfers] = await Promise.all([
    db.select({ id: treasuries.id, code: treasuries.code }).from(treasuries),
    ok.length
      ? db
          .select({ reference: remittanceTransfers.reference })
          .from(remittanceTransfers)
          .where(inArray(remittanceTransfers.reference, [...new Set(ok.map((e) => e.transferReference))]))
      : Promise.resolve([]),
  ]);
  const treasuryId = new Map(allTreasuries.map((t) => [t.code, t.id]));
  const knownRefs = new Set(transfers.map((t) => t.reference));
  const stored = ok.length
    ? await db
        .select()
        .from(treasuryEntries)
        .where(inArray(treasuryEntries.transferReference, [...new Set(ok.map((e) => e.transferReference))]))
    : [];
  const seen = new Set(stored.map(entryKey));
  const result: Judged = { accepted: [], errors: [] };
  parsed.forEach((p, i) => {
    const row = i + 1;
    if (!p.success) {
      result.errors.push(...issueRowErrors(row, p.error.issues, candidates[i]));
      return;
    }
    const { treasuryCode, ...rest } = p.data;
    const id = treasuryId.get(treasuryCode);
    if (id === undefined) {
      result.errors.push(
        rowError(row, 'treasuryCode', { code: 'unknown_treasury_code', params: { value: treasuryCode } }),
      );
      return;
    }
    if (!knownRefs.has(rest.transferReference)) {
      result.errors.push(
        rowError(row, 'transferReference', {
          code: 'unknown_transfer_reference',
          params: { value: rest.transferReference },
        }),
      );
      return;
    }
    const input = { ...rest, treasuryId: id };
    const key = entryKey(input);
    if (seen.has(key)) {
      result.errors.push(rowError(row, 'row', { code: 'already_imported' }));
      return;
    }
    seen.add(key);
    result.accepted.push({ index: i, input });
  });
  return result;
}

/** Stores entries in one transaction (one audit event each) and recomputes the feedback of their transfers. */
export async function insertEntries(
  ctx: AppContext,
  entries: TreasuryEntryInput[],
  by: { source: 'import' | 'api'; actor: Actor | null; keyId: string | null; ip: string },
) {
  const { db } = ctx.database;
  if (entries.length === 0) return [];
  const rows = await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(treasuryEntries)
      .values(
        entries.map((e) => ({
          ...e,
          source: by.source,
          createdBy: by.actor?.id ?? null,
          keyId: by.keyId,
          createdAt: ctx.clock.now(),
        })),
      )
      .returning();
    for (const e of inserted)
      await ctx.audit.record(tx, {
        actor: by.actor,
        actorUsername: by.keyId ? `key:${by.keyId}` : undefined,
        action: by.source === 'import' ? 'import' : 'push',
        resource: 'treasury-entries',
        recordId: e.id,
        after: e,
        ip: by.ip,
      });
    return inserted;
  });
  const transferIds = (
    await db
      .select({ id: remittanceTransfers.id })
      .from(remittanceTransfers)
      .where(inArray(remittanceTransfers.reference, [...new Set(entries.map((e) => e.transferReference))]))
  ).map((t) => t.id);
  await refreshFeedback(db, ctx, transferIds);
  return rows;
}
