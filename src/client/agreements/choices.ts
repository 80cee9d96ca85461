import { AGREEMENT_STATUSES, DATA_EXCHANGE_METHODS, REMITTANCE_METHODS } from '../../domain/agreements';

// Choice names are translation keys; react-admin translates them.
export const statusChoices = AGREEMENT_STATUSES.map((id) => ({
  id,
  name: `resources.agreements.status.${id}`,
}));
export const remittanceChoices = REMITTANCE_METHODS.map((id) => ({
  id,
  name: `resources.agreements.remittance.${id}`,
}));
export const exchangeChoices = DATA_EXCHANGE_METHODS.map((id) => ({
  id,
  name: `resources.agreements.exchange.${id}`,
}));
