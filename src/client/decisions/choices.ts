import { FLAG_TYPES, PAYMENT_STATUSES } from '../../domain/decisions';

export const paymentStatusChoices = PAYMENT_STATUSES.map((id) => ({
  id,
  name: `resources.decisions.status.${id}`,
}));
export const flagTypeChoices = FLAG_TYPES.map((id) => ({
  id,
  name: `resources.paid-status-flags.types.${id}`,
}));
