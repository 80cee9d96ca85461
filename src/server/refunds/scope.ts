import { and, eq, inArray, isNull, ne, notExists, or, type SQL, sql } from 'drizzle-orm';
import type { RefundParty } from '../../domain';
import type { Actor } from '../../domain/roles';
import type { Db } from '../db/client';
import { refundApprovals, refunds, units } from '../db/schema';
import { regionSubtree } from '../http/scope';

type Unit = Pick<typeof units.$inferSelect, 'id' | 'kind' | 'departmentId'>;

/**
 * A unit sees its applications, a department its units', police HQ those of traffic-police units,
 * finance, treasury and the auditor their region's.
 */
export function refundScope(db: Db, actor: Actor): SQL | undefined {
  const unitsWhere = (where: SQL) =>
    inArray(refunds.unitId, db.select({ id: units.id }).from(units).where(where));
  switch (actor.role) {
    case 'unit':
      return eq(refunds.unitId, actor.unitId ?? 0);
    case 'dept':
      return unitsWhere(eq(units.departmentId, actor.departmentId ?? 0));
    case 'police':
      return and(
        regionSubtree(refunds.regionCode, actor.regionCode),
        unitsWhere(eq(units.kind, 'traffic_police')),
      );
    default:
      return regionSubtree(refunds.regionCode, actor.regionCode);
  }
}

/**
 * The part the actor plays for one refund. The reviewer is the unit's supervising department:
 * police HQ for traffic-police units, the unit's `dept` otherwise.
 */
export function partyOf(actor: Actor, refund: { unitId: number }, unit: Unit): RefundParty | null {
  if (actor.role === 'unit') return actor.unitId === refund.unitId ? 'applicant' : null;
  if (actor.role === 'police') return unit.kind === 'traffic_police' ? 'reviewer' : null;
  if (actor.role === 'dept')
    return unit.kind !== 'traffic_police' && actor.departmentId === unit.departmentId ? 'reviewer' : null;
  if (actor.role === 'finance') return 'finance';
  if (actor.role === 'treasury') return 'treasury';
  return null;
}

/** "Waiting for me": the step each role takes next, for the records in its scope. */
export function refundsPendingFor(db: Db, actor: Actor): SQL {
  switch (actor.role) {
    case 'unit':
      return eq(refunds.status, 'draft');
    case 'police':
    case 'dept':
      return eq(refunds.status, 'submitted');
    case 'treasury':
      return eq(refunds.status, 'voucher_issued');
    case 'finance':
      return or(
        and(
          eq(refunds.status, 'reviewed'),
          ne(refunds.createdBy, actor.id),
          or(isNull(refunds.reviewedBy), ne(refunds.reviewedBy, actor.id)),
          notExists(
            db
              .select({ one: sql`1` })
              .from(refundApprovals)
              .where(and(eq(refundApprovals.refundId, refunds.id), eq(refundApprovals.userId, actor.id))),
          ),
        ),
        inArray(refunds.status, ['approved', 'failed']),
      ) as SQL;
    default:
      return sql`false`;
  }
}
