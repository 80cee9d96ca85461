import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { Actor } from '../../domain/roles';
import type { Db } from '../db/client';
import { decisions, units } from '../db/schema';
import { regionSubtree } from '../http/scope';

/** A unit sees its decisions, a department its units' decisions, everyone else their region's. */
export function decisionScope(db: Db, actor: Actor): SQL | undefined {
  if (actor.role === 'unit') return eq(decisions.unitId, actor.unitId ?? 0);
  if (actor.role === 'dept')
    return inArray(
      decisions.unitId,
      db
        .select({ id: units.id })
        .from(units)
        .where(eq(units.departmentId, actor.departmentId ?? 0)),
    );
  return and(regionSubtree(decisions.regionCode, actor.regionCode));
}
