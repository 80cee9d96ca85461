import { describe, expect, it } from 'vitest';
import { version, withReadOnly } from './schemas';
import {
  changesOwnRole,
  formatResetCode,
  normaliseResetCode,
  RESET_CODE_ALPHABET,
  USER_READ_ONLY,
  userInputSchema,
} from './users';

describe('one-time reset codes', () => {
  it('use no look-alike characters and read back however they are typed', () => {
    expect(RESET_CODE_ALPHABET).not.toMatch(/[01ILOU]/);
    const code = formatResetCode('K7QM3XPA9HTDWC2R');
    expect(code).toBe('K7QM-3XPA-9HTD-WC2R');
    expect(normaliseResetCode(' k7qm 3xpa-9htd-wc2r ')).toBe('K7QM3XPA9HTDWC2R');
    expect(normaliseResetCode(code)).toBe(normaliseResetCode('k7qm3xpa9htdwc2r'));
  });
});

describe('separation of duties', () => {
  it('nobody changes their own role; others and own other fields may change', () => {
    expect(changesOwnRole(1, 1, 'admin', 'finance')).toBe(true);
    expect(changesOwnRole(1, 1, 'admin', 'admin')).toBe(false);
    expect(changesOwnRole(1, 7, 'finance', 'auditor')).toBe(false);
  });

  it('a user record fetched with GET (reset state included) can be sent back unchanged', () => {
    const update = withReadOnly(userInputSchema.extend({ version }), USER_READ_ONLY);
    const got = {
      id: 7,
      username: 'finance2',
      displayName: '财政厅 李强',
      role: 'finance',
      regionCode: '63',
      version: 3,
      resetPending: true,
      resetCodeExpiresAt: '2026-03-17T02:00:00.000Z',
      passwordResetAt: '2026-03-16T02:00:00.000Z',
      passwordResetBy: 1,
    };
    expect(update.safeParse(got).success).toBe(true);
  });
});
