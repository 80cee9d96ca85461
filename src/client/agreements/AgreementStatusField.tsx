import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

const COLORS = { draft: 'default', active: 'success', suspended: 'warning', terminated: 'error' } as const;

export const AgreementStatusField = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext<{ status: keyof typeof COLORS }>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Chip
      size="small"
      color={COLORS[record.status]}
      label={translate(`resources.agreements.status.${record.status}`)}
    />
  );
};

export const OverdueFilingField = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext<{ overdueFiling: boolean; filingDueOn: string }>();
  const translate = useTranslate();
  if (!record?.overdueFiling) return null;
  return (
    <Chip
      size="small"
      color="error"
      variant="outlined"
      label={`${translate('resources.agreements.fields.overdueFiling')} (${record.filingDueOn})`}
    />
  );
};
