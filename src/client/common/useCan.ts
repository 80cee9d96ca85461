import {
  type Action,
  can,
  type Denial,
  denial,
  type Resource,
  type ScopedRecord,
} from '../../domain/permissions';
import { EXPLAINED_REFUSALS, type Refusal } from '../../domain/workflows';
import { session } from '../providers/session';

/**
 * The shared `can()` against the signed-in user, synchronously: the answer follows the record's
 * current state on every render (react-admin's cached canAccess lags a status change).
 */
export function useCan(action: string, resource: string, record?: object): boolean {
  const user = session.get()?.user ?? null;
  return can(user, action as Action, resource as Resource, record as ScopedRecord | undefined);
}

/**
 * How a workflow button shows: hidden when the step can never apply to this user or record,
 * disabled with the reason when a rule the user should know about stops it (four eyes, a locked
 * period, another party's step), enabled otherwise.
 */
export function useStepAccess(
  action: string,
  resource: string,
  record?: object,
): { show: false } | { show: true; refusal: Refusal | null } {
  const user = session.get()?.user ?? null;
  const why: Denial | null = denial(
    user,
    action as Action,
    resource as Resource,
    record as ScopedRecord | undefined,
  );
  if (why === null) return { show: true, refusal: null };
  if ((EXPLAINED_REFUSALS as readonly string[]).includes(why)) return { show: true, refusal: why as Refusal };
  return { show: false };
}
