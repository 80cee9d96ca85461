import { ENTRY_FEEDBACK_TYPES, REMITTANCE_STATUSES } from '../../domain/remittances';

export const remittanceStatusChoices = REMITTANCE_STATUSES.map((id) => ({
  id,
  name: `resources.remittances.status.${id}`,
}));
export const feedbackTypeChoices = ENTRY_FEEDBACK_TYPES.map((id) => ({
  id,
  name: `resources.entry-feedback.types.${id}`,
}));
