import { type DecisionInput, periodsOverlap } from '../../domain';
import { matchOrphans } from '../collections/service';
import type { AppContext } from '../context';
import type { Db } from '../db/client';
import { type billingCodes, decisionEvents, decisions, type units } from '../db/schema';

/** Inserts one decision (own transaction, audited) and matches collections that arrived before it. */
export async function insertDecision(
  db: Db,
  ctx: AppContext,
  d: DecisionInput,
  allUnits: (typeof units.$inferSelect)[],
  codes: (typeof billingCodes.$inferSelect)[],
  by: { keyId?: string; actorId?: number; ip: string },
): Promise<{ id: number; matched: number } | { errors: Record<string, string> }> {
  const unit = allUnits.find((u) => u.code === d.unitCode);
  if (!unit) return { errors: { unitCode: `unknown unit ${d.unitCode}` } };
  const code = codes.find(
    (c) =>
      c.projectCode === d.projectCode &&
      periodsOverlap({ from: c.effectiveFrom, to: c.effectiveTo }, { from: d.servedOn, to: d.servedOn }),
  );
  if (!code) return { errors: { projectCode: `no billing code ${d.projectCode} valid on ${d.servedOn}` } };
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(decisions)
      .values({
        decisionNumber: d.decisionNumber,
        unitId: unit.id,
        regionCode: unit.regionCode,
        billingCodeId: code.id,
        projectCode: d.projectCode,
        fineFen: d.fineFen,
        servedOn: d.servedOn,
        partyName: d.partyName,
        idNumber: d.idNumber,
        licenceNumber: d.licenceNumber ?? d.idNumber,
        plate: d.plate ?? null,
        suspensions: d.suspensions,
      })
      .returning();
    await tx.insert(decisionEvents).values({
      decisionId: row.id,
      toStatus: 'unpaid',
      source: 'import',
      keyId: by.keyId ?? null,
      actorId: by.actorId ?? null,
      at: ctx.clock.now(),
    });
    await ctx.audit.record(tx, {
      actor: null,
      actorUsername: by.keyId ? `key:${by.keyId}` : undefined,
      action: 'create',
      resource: 'decisions',
      recordId: row.id,
      after: { decisionNumber: row.decisionNumber, fineFen: row.fineFen, unitId: row.unitId },
      ip: by.ip,
    });
    const matched = await matchOrphans(tx, ctx.clock, row.id);
    return { id: row.id, matched };
  });
}
