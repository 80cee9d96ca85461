import { fetchUtils, HttpError } from 'react-admin';
import { session } from './session';

/** Server error codes the SPA has a translation for (`app.errors.<code>`). */
export const KNOWN_ERROR_CODES = [
  'period_locked',
  'already_signed',
  'not_locked',
  'period_open',
  'remittance_collections',
  'remittance_amount',
  'duplicate_transfer',
  'unknown_transfer',
  'already_acknowledged',
  'over_refund',
  'duplicate_pending_refund',
  'refund_race',
  'wrong_state',
  'not_your_step',
  'approver_is_applicant',
  'approver_is_reviewer',
  'already_approved_by_you',
  'decision_not_paid',
  'evidence_type',
  'evidence_too_large',
  'evidence_closed',
  'no_voucher',
  'unauthenticated',
  'forbidden',
  'csrf',
  'not_found',
  'stale_version',
  'invalid_transition',
  'invalid_input',
  'invalid_json',
  'already_filed',
  'agreement_terminated',
  'agreement_expired',
  'invalid_filing_date',
  'duplicate_agreement_no',
  'duplicate_username',
  'duplicate_region',
  'cannot_lock_self',
  'cannot_deactivate_self',
  'already_active',
  'already_inactive',
  'wrong_current_password',
  'password_unchanged',
  'invalid_credentials',
  'rate_limited',
  'body_too_large',
  'internal',
  'calendar_missing',
  'invalid_value',
  'import_rejected',
  'unreadable_file',
  'billing_code_overlap',
  'billing_code_retired',
  'duplicate_code',
  'duplicate_treasury',
  'bad_signature',
  'wrong_institution',
  'idempotency_key_required',
  'idempotency_key_reuse',
  'no_change',
  'correction_pending',
  'four_eyes',
  'key_revoked',
  'duplicate_bank_txn',
  'receipt_range_overlap',
  'unchecked_stubs',
  'insufficient_stock',
  'out_of_stock',
  'not_in_stock',
  'receipt_number_used',
  'e_receipt_not_voidable',
  'range_not_used',
  'already_written_off',
  'segment_overlap',
  'reason_required',
] as const;

/** fetchJson with the session cookie and CSRF header; errors carry a translatable message key. */
export async function httpClient(url: string, options: fetchUtils.Options = {}) {
  const headers = new Headers(options.headers ?? { Accept: 'application/json' });
  const token = session.get()?.csrfToken;
  if (token) headers.set('X-CSRF-Token', token);
  try {
    return await fetchUtils.fetchJson(url, { ...options, headers, credentials: 'include' });
  } catch (error) {
    if (error instanceof HttpError) {
      const body = (error.body ?? {}) as { code?: string; message?: string; errors?: Record<string, string> };
      const known = (KNOWN_ERROR_CODES as readonly string[]).includes(body.code ?? '');
      throw new HttpError(
        known ? `app.errors.${body.code}` : (body.message ?? error.message),
        error.status,
        body,
      );
    }
    throw error;
  }
}
