import { maskAccount } from '../../domain/mask';

const SECRET_KEYS = new Set([
  'passwordHash',
  'resetCodeHash',
  'password',
  'currentPassword',
  'newPassword',
  'csrfToken',
]);
const MASKERS: Record<string, (v: string) => string> = {
  accountNumber: maskAccount,
  payeeAccount: maskAccount,
};

/** What an audit payload may hold: secrets dropped, personal data masked, dates as ISO strings. */
export function auditPayload(record: object | null | undefined): Record<string, unknown> | null {
  if (!record) return null;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (SECRET_KEYS.has(key) || value === undefined) continue;
    if (typeof value === 'string' && MASKERS[key]) out[key] = MASKERS[key](value);
    else if (value instanceof Date) out[key] = value.toISOString();
    else if (Array.isArray(value) || (value !== null && typeof value === 'object')) continue;
    else out[key] = value;
  }
  return out;
}
