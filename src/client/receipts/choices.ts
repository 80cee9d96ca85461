import { RECEIPT_TYPES } from '../../domain/receipts';

// Labels are i18n keys so the Chinese UI never shows the English type names.
export const receiptTypeChoices = RECEIPT_TYPES.map((t) => ({
  id: t.code,
  name: `app.receipt_types.${t.code}`,
}));
export const paperTypeChoices = receiptTypeChoices.filter((c) => c.id !== 'e_receipt');
export const receiptStatusChoices = [
  { id: 'issued', name: 'app.receipt_status.issued' },
  { id: 'void', name: 'app.receipt_status.void' },
];
export const writeOffStatusChoices = ['requested', 'approved', 'rejected'].map((id) => ({
  id,
  name: `app.write_off_status.${id}`,
}));
