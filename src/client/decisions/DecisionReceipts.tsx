import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { Link as MuiLink, Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { formatReceiptNumber } from '../../domain/receipts';
import { useCan } from '../common/useCan';

export interface DecisionReceipt {
  id: number;
  typeCode: string;
  code: string;
  number: number;
  checkCode: string | null;
  status: string;
  payerLink: string | null;
}

export const receiptLabel = (r: Pick<DecisionReceipt, 'code' | 'number'>) =>
  r.code ? `${r.code}-${formatReceiptNumber(r.number)}` : String(r.number);

/** The decision's receipts: the e-receipt number, its record and the payer's page. */
export const DecisionReceipts = () => {
  const record = useRecordContext<{ receipts?: DecisionReceipt[] }>();
  const translate = useTranslate();
  const canOpen = useCan('show', 'receipts');
  if (!record?.receipts) return null;
  if (record.receipts.length === 0)
    return <Typography variant="body2">{translate('resources.decisions.receipts.none')}</Typography>;
  return (
    <Stack spacing={0.5}>
      {record.receipts.map((r) => (
        <Stack
          key={r.id}
          direction="row"
          spacing={2}
          alignItems="center"
          data-testid={`decision-receipt-${r.id}`}
        >
          <Typography variant="body2">{translate(`app.receipt_types.${r.typeCode}`)}</Typography>
          {canOpen ? (
            <MuiLink component={Link} to={`/receipts/${r.id}/show`} variant="body2">
              {receiptLabel(r)}
            </MuiLink>
          ) : (
            <Typography variant="body2">{receiptLabel(r)}</Typography>
          )}
          {r.checkCode && (
            <Typography variant="body2" color="text.secondary">
              {translate('resources.receipts.fields.checkCode')} {r.checkCode}
            </Typography>
          )}
          {r.status === 'void' && (
            <Typography variant="body2" color="error">
              {translate('app.receipt_status.void')}
            </Typography>
          )}
          {r.payerLink && (
            <MuiLink href={r.payerLink} target="_blank" rel="noopener" variant="body2">
              {translate('app.receipts.open_payer_page')}
              <OpenInNewIcon sx={{ fontSize: 14, ml: 0.5, verticalAlign: 'middle' }} />
            </MuiLink>
          )}
        </Stack>
      ))}
    </Stack>
  );
};
