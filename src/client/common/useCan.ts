import { type Action, can, type Resource, type ScopedRecord } from '../../domain/permissions';
import { session } from '../providers/session';

/**
 * The shared `can()` against the signed-in user, synchronously: the answer follows the record's
 * current state on every render (react-admin's cached canAccess lags a status change).
 */
export function useCan(action: string, resource: string, record?: object): boolean {
  const user = session.get()?.user ?? null;
  return can(user, action as Action, resource as Resource, record as ScopedRecord | undefined);
}
