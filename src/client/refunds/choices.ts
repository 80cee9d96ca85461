import { REFUND_REASONS, REFUND_STATUSES } from '../../domain/refunds';

export const refundReasonChoices = REFUND_REASONS.map((id) => ({
  id,
  name: `resources.refunds.reasons.${id}`,
}));
export const refundStatusChoices = REFUND_STATUSES.map((id) => ({
  id,
  name: `resources.refunds.status.${id}`,
}));
