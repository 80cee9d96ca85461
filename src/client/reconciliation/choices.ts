import { DISCREPANCY_STATES, DISCREPANCY_TYPES, RUN_STATUSES } from '../../domain/reconciliation';

export const discrepancyTypeChoices = DISCREPANCY_TYPES.map((id) => ({
  id,
  name: `resources.discrepancies.types.${id}`,
}));
export const discrepancyStateChoices = DISCREPANCY_STATES.map((id) => ({
  id,
  name: `resources.discrepancies.states.${id}`,
}));
export const runStatusChoices = RUN_STATUSES.map((id) => ({
  id,
  name: `resources.reconciliation-runs.status.${id}`,
}));
export const periodTypeChoices = [
  { id: 'day', name: 'resources.reconciliation-runs.period.day' },
  { id: 'month', name: 'resources.reconciliation-runs.period.month' },
];
