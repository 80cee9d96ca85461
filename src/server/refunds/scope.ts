import { and, eq, inArray, isNull, ne, notExists, or, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../domain/roles';
import type { Db } from '../db/client';
import { refundApprovals, refunds, units } from '../db/schema';
import { regionSubtree } from '../http/scope';

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
