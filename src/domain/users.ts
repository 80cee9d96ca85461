import { z } from 'zod';
import type { FieldError } from './i18n/field-errors';
import { ROLES } from './roles';
import { optionalText, requiredText } from './schemas';

/** At least 8 characters with letters and digits; the demo password `Demo@2026` passes. */
export const passwordSchema = z
  .string()
  .min(8, { message: 'too_short' })
  .max(128, { message: 'too_long' })
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), { message: 'must contain letters and digits' });

export const usernameSchema = z.string().regex(/^[a-z][a-z0-9_]{2,31}$/, { message: 'username' });

export const userInputSchema = z.strictObject({
  username: usernameSchema,
  displayName: requiredText(64),
  role: z.enum(ROLES),
  regionCode: z.string().regex(/^\d{2,6}$/, { message: 'region_code' }),
  unitId: z.number().int().positive().nullable().optional(),
  bankId: z.string().max(16).nullable().optional(),
  departmentId: z.number().int().positive().nullable().optional(),
  password: passwordSchema.optional(),
  note: optionalText(500),
});
export type UserInput = z.infer<typeof userInputSchema>;

/** Which link a role needs: a bank user needs a bank, a unit user a unit, a dept user a department. */
export function userLinkProblems(input: Pick<UserInput, 'role' | 'unitId' | 'bankId' | 'departmentId'>) {
  const errors: Record<string, FieldError> = {};
  const required = { code: 'required_for_role', params: { role: input.role } } as const;
  const notAllowed = { code: 'only_for_role', params: { role: input.role } } as const;
  if (input.role === 'bank' && !input.bankId) errors.bankId = required;
  if (input.role === 'unit' && !input.unitId) errors.unitId = required;
  if (input.role === 'dept' && !input.departmentId) errors.departmentId = required;
  if (input.role !== 'bank' && input.bankId) errors.bankId = notAllowed;
  if (input.role !== 'unit' && input.unitId) errors.unitId = notAllowed;
  if (input.role !== 'dept' && input.departmentId) errors.departmentId = notAllowed;
  return errors;
}

export const USER_READ_ONLY = [
  'id',
  'active',
  'locked',
  'lockedUntil',
  'failedAttempts',
  'lastLoginAt',
  'resetPending',
  'resetCodeExpiresAt',
  'passwordResetAt',
  'passwordResetBy',
  'createdAt',
  'updatedAt',
] as const;

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().max(128),
  newPassword: passwordSchema,
});
export const loginSchema = z.strictObject({ username: z.string().max(64), password: z.string().max(128) });

/** What a user signed in with a one-time reset code sends: only the new password. */
export const setPasswordSchema = z.strictObject({ newPassword: passwordSchema });

/**
 * A one-time reset code: 16 characters of an alphabet without look-alikes (no 0/O, 1/I/L, U),
 * shown as four groups of four. About 80 bits; only its scrypt hash is stored.
 */
export const RESET_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const formatResetCode = (raw: string) => raw.match(/.{1,4}/g)?.join('-') ?? raw;
/** What was typed, as it is hashed: case, spaces and dashes do not matter. */
export const normaliseResetCode = (typed: string) => typed.toUpperCase().replace(/[\s-]/g, '');

/** Separation of duties: nobody changes their own role (an admin cannot make itself finance). */
export const changesOwnRole = (actorId: number, targetId: number, fromRole: string, toRole: string) =>
  actorId === targetId && fromRole !== toRole;
