import { Box, Tooltip, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { type RefundStatus, refundProgress } from '../../domain/refunds';

/** The status as its followers read it: 已退回 with the reason, or a two-approver refund's progress. */
export const RefundStatusField = (_props: { source?: string; label?: string; sortable?: boolean }) => {
  const record = useRecordContext<{
    status: RefundStatus;
    lastReason: string | null;
    approvalCount?: number;
    approvalsNeeded?: number;
  }>();
  const translate = useTranslate();
  if (!record) return null;
  const progress = refundProgress({
    status: record.status,
    lastReason: record.lastReason,
    approvalCount: record.approvalCount ?? 0,
    approvalsNeeded: record.approvalsNeeded ?? 1,
  });
  if (progress === 'returned')
    return (
      <Tooltip title={`${translate('resources.refunds.progress.return_reason')}：${record.lastReason}`}>
        <Typography component="span" variant="body2" color="warning.main">
          {translate('resources.refunds.progress.returned')}
        </Typography>
      </Tooltip>
    );
  const label = translate(`resources.refunds.status.${record.status}`);
  if (progress !== 'awaiting_second_approval')
    return (
      <Typography component="span" variant="body2">
        {label}
      </Typography>
    );
  return (
    <Box component="span">
      <Typography component="span" variant="body2">
        {label}
      </Typography>
      <Typography component="span" variant="caption" color="info.main" sx={{ display: 'block' }}>
        {translate('resources.refunds.progress.awaiting_second_approval', {
          count: record.approvalCount ?? 0,
        })}
      </Typography>
    </Box>
  );
};
