import { z } from 'zod';
import { ROLES } from './roles';
import { optionalText, requiredText } from './schemas';

/** At least 8 characters with letters and digits; the demo password `Demo@2026` passes. */
export const passwordSchema = z
  .string()
  .min(8, { message: 'must be at least 8 characters' })
  .max(128, { message: 'must be at most 128 characters' })
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), { message: 'must contain letters and digits' });

export const usernameSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{2,31}$/, { message: 'must be 3–32 lowercase letters, digits or _' });

export const userInputSchema = z.strictObject({
  username: usernameSchema,
  displayName: requiredText(64),
  role: z.enum(ROLES),
  regionCode: z.string().regex(/^\d{2,6}$/, { message: 'must be a region code' }),
  unitId: z.number().int().positive().nullable().optional(),
  bankId: z.string().max(16).nullable().optional(),
  departmentId: z.number().int().positive().nullable().optional(),
  password: passwordSchema.optional(),
  note: optionalText(500),
});
export type UserInput = z.infer<typeof userInputSchema>;

/** Which link a role needs: a bank user needs a bank, a unit user a unit, a dept user a department. */
export function userLinkProblems(input: Pick<UserInput, 'role' | 'unitId' | 'bankId' | 'departmentId'>) {
  const errors: Record<string, string> = {};
  if (input.role === 'bank' && !input.bankId) errors.bankId = 'is required for a bank user';
  if (input.role === 'unit' && !input.unitId) errors.unitId = 'is required for a unit user';
  if (input.role === 'dept' && !input.departmentId) errors.departmentId = 'is required for a department user';
  if (input.role !== 'bank' && input.bankId) errors.bankId = 'only bank users belong to a bank';
  if (input.role !== 'unit' && input.unitId) errors.unitId = 'only unit users belong to a unit';
  if (input.role !== 'dept' && input.departmentId)
    errors.departmentId = 'only department users belong to a department';
  return errors;
}

export const USER_READ_ONLY = [
  'id',
  'active',
  'locked',
  'lockedUntil',
  'failedAttempts',
  'lastLoginAt',
  'createdAt',
  'updatedAt',
] as const;

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().max(128),
  newPassword: passwordSchema,
});
export const loginSchema = z.strictObject({ username: z.string().max(64), password: z.string().max(128) });
