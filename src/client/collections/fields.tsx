import { Chip, Link as MuiLink, Stack } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { useCan } from '../common/useCan';

interface CollectionRecord {
  id: number;
  decisionId: number | null;
  decisionNumber: string;
  matched: boolean;
  openFlags: number;
}

/** The decision number, a link for those who may open decisions (a bank may not). */
export const DecisionLink = (_: { label?: string }) => {
  const record = useRecordContext<CollectionRecord>();
  const canOpen = useCan('show', 'decisions');
  if (!record) return null;
  if (!record.decisionId || !canOpen) return <span>{record.decisionNumber}</span>;
  return (
    <MuiLink
      component={Link}
      to={`/decisions/${record.decisionId}/show`}
      onClick={(e: React.MouseEvent) => e.stopPropagation()}
    >
      {record.decisionNumber}
    </MuiLink>
  );
};

/** 已匹配 or 未匹配 (no such decision yet), with the number of open paid-status flags. */
export const MatchedField = (_: { label?: string }) => {
  const record = useRecordContext<CollectionRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={0.5} sx={{ whiteSpace: 'nowrap' }}>
      <Chip
        size="small"
        color={record.matched ? 'success' : 'warning'}
        label={translate(
          record.matched ? 'resources.collections.matched_yes' : 'resources.collections.matched_no',
        )}
      />
      {record.openFlags > 0 && (
        <Chip
          size="small"
          color="error"
          variant="outlined"
          label={translate('resources.collections.open_flags', { count: record.openFlags })}
        />
      )}
    </Stack>
  );
};
