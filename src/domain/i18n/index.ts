import { errorTexts } from './errors';
import { fieldErrorTexts } from './field-errors';
import { eventDetailTexts, flagDetailTexts } from './flags';
import type { Coded, Lang } from './format';
import { fill } from './format';

export * from './agreements';
export * from './audit-events';
export * from './banks';
export * from './billing-codes';
export * from './budget-subjects';
export * from './calendar-years';
export * from './collections';
export * from './decisions';
export * from './departments';
export * from './discrepancies';
export * from './entry-feedback';
export * from './enums';
export * from './errors';
export * from './field-errors';
export * from './flags';
export * from './format';
export * from './institution-keys';
export * from './paid-status-flags';
export * from './receipts';
export * from './reconciliation-runs';
export * from './reconciliation-signoffs';
export * from './refunds';
export * from './regions';
export * from './remittance-transfers';
export * from './remittances';
export * from './reports';
export * from './shared';
export * from './status-corrections';
export * from './supervision-notes';
export * from './treasuries';
export * from './treasury-entries';
export * from './units';
export * from './users';
export * from './zod-issues';

const GROUPS = {
  errors: errorTexts,
  fieldErrors: fieldErrorTexts,
  flagDetails: flagDetailTexts,
  eventDetails: eventDetailTexts,
};
export type TextGroup = keyof typeof GROUPS;

/**
 * A coded message in words: `format('fieldErrors', { code: 'over_refund', params: { refundableFen: 5000 } }, 'zh-CN')`
 * → '最多可退 ¥50.00'. An unknown code comes back as itself, so nothing is silently dropped.
 */
export function format(group: TextGroup, { code, params }: Coded, lang: Lang): string {
  const texts = GROUPS[group][lang] as Record<string, string>;
  return Object.hasOwn(texts, code) ? fill(texts[code], params) : code;
}
