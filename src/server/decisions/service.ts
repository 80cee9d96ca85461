import { type DecisionInput, type FieldError, periodsOverlap } from '../../domain';
import type { Actor } from '../../domain/roles';
import type { Tx } from '../audit/log';
import { matchOrphans } from '../collections/service';
import type { AppContext } from '../context';
import type { Db } from '../db/client';
import { type billingCodes, decisionEvents, decisions, type units } from '../db/schema';

type Unit = typeof units.$inferSelect;
type BillingCode = typeof billingCodes.$inferSelect;
export interface DecisionSource {
  keyId?: string;
  actor?: Actor;
  ip: string;
}

/** The unit and the billing code valid on the service date, or the fields that name neither. */
export function resolveRefs(
  d: DecisionInput,
  allUnits: Unit[],
  codes: BillingCode[],
): { unit: Unit; code: BillingCode } | { errors: Record<string, FieldError> } {
  const unit = allUnits.find((u) => u.code === d.unitCode);
  if (!unit) return { errors: { unitCode: { code: 'unknown_unit_code', params: { value: d.unitCode } } } };
  const code = codes.find(
    (c) =>
      c.projectCode === d.projectCode &&
      periodsOverlap({ from: c.effectiveFrom, to: c.effectiveTo }, { from: d.servedOn, to: d.servedOn }),
  );
  if (!code)
    return {
      errors: {
        projectCode: { code: 'no_billing_code_on', params: { value: d.projectCode, on: d.servedOn } },
      },
    };
  return { unit, code };
}

/** Writes one decision with its first event and audit row, then matches collections that came first. */
export async function writeDecision(
  tx: Tx,
  ctx: AppContext,
  d: DecisionInput,
  refs: { unit: Unit; code: BillingCode },
  by: DecisionSource,
) {
  const [row] = await tx
    .insert(decisions)
    .values({
      decisionNumber: d.decisionNumber,
      unitId: refs.unit.id,
      regionCode: refs.unit.regionCode,
      billingCodeId: refs.code.id,
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
    actorId: by.actor?.id ?? null,
    at: ctx.clock.now(),
  });
  await ctx.audit.record(tx, {
    actor: by.actor ?? null,
    actorUsername: by.keyId ? `key:${by.keyId}` : undefined,
    action: 'create',
    resource: 'decisions',
    recordId: row.id,
    after: { decisionNumber: row.decisionNumber, fineFen: row.fineFen, unitId: row.unitId },
    ip: by.ip,
  });
  const matched = await matchOrphans(tx, ctx, row.id);
  return { id: row.id, matched };
}

/** One decision in its own transaction (the police batch: each decision stands alone). */
export async function insertDecision(
  db: Db,
  ctx: AppContext,
  d: DecisionInput,
  allUnits: Unit[],
  codes: BillingCode[],
  by: DecisionSource,
): Promise<{ id: number; matched: number } | { errors: Record<string, FieldError> }> {
  const refs = resolveRefs(d, allUnits, codes);
  if ('errors' in refs) return refs;
  return db.transaction((tx) => writeDecision(tx, ctx, d, refs, by));
}
