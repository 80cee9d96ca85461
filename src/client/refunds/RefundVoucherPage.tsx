import PrintIcon from '@mui/icons-material/Print';
import {
  Alert,
  Box,
  Button,
  GlobalStyles,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import * as React from 'react';
import { Authenticated, useDataProvider, useTranslate } from 'react-admin';
import { Link, useParams } from 'react-router-dom';
import { formatFen } from '../../domain/money';
import { useCan } from '../common/useCan';
import type { AppDataProvider, RefundVoucher } from '../providers/dataProvider';

// A4 portrait, black on white, CJK font; the buttons never print.
const printStyles = (
  <GlobalStyles
    styles={{
      '@page': { size: 'A4 portrait', margin: '18mm 16mm' },
      '@media print': { '.no-print': { display: 'none !important' }, body: { background: '#fff' } },
    }}
  />
);

const Row = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <TableRow>
    <TableCell component="th" sx={{ width: '28%', fontWeight: 600, border: '1px solid #000', py: 1 }}>
      {label}
    </TableCell>
    <TableCell sx={{ border: '1px solid #000', py: 1 }}>{children}</TableCell>
  </TableRow>
);

const VoucherSheet = ({ v }: { v: RefundVoucher }) => {
  const t = useTranslate();
  const f = (key: string) => t(`resources.refunds.voucher.${key}`);
  return (
    <Box
      data-testid="refund-voucher"
      sx={{
        width: '178mm',
        minHeight: '240mm',
        mx: 'auto',
        p: 2,
        bgcolor: '#fff',
        color: '#000',
        fontFamily: '"Noto Sans CJK SC", "Noto Serif CJK SC", sans-serif',
      }}
    >
      <Typography variant="h5" align="center" sx={{ fontWeight: 700, letterSpacing: 8 }}>
        {f('title')}
      </Typography>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', my: 2 }}>
        <span>
          {f('number')}：{v.number}
        </span>
        <span>
          {f('issued_on')}：{v.issuedOn}
        </span>
      </Box>
      <Table size="small" sx={{ borderCollapse: 'collapse' }}>
        <TableBody>
          <Row label={f('payer')}>{v.payerName}</Row>
          <Row label={f('decision')}>
            {v.decisionNumber}（{v.unitName}）
          </Row>
          <Row label={f('payee')}>{v.payeeName}</Row>
          <Row label={f('payee_account')}>
            <span data-testid="voucher-payee-account">{v.payeeAccount}</span>
          </Row>
          <Row label={f('payee_bank')}>{v.payeeBank}</Row>
          <Row label={f('budget_subject')}>
            {v.budgetSubjectCode ?? '—'} {v.budgetSubjectName ?? ''}
          </Row>
          <Row label={f('budget_level')}>{v.budgetLevel ? t(`app.budget_levels.${v.budgetLevel}`) : '—'}</Row>
          <Row label={f('treasury')}>{v.treasury ? `${v.treasury.name}（${v.treasury.code}）` : '—'}</Row>
          <Row label={f('reason')}>{t(`resources.refunds.reasons.${v.reason}`)}</Row>
          <Row label={f('amount')}>{formatFen(v.amountFen)}</Row>
          <Row label={f('amount_words')}>
            <span data-testid="voucher-amount-words">{v.amountInWords}</span>
          </Row>
          <Row label={f('reviewer')}>{v.reviewerName ?? '—'}</Row>
          <Row label={f('approvers')}>{v.approvals.map((a) => a.name).join('、') || '—'}</Row>
        </TableBody>
      </Table>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', mt: 6 }}>
        <span>{f('finance_seal')}</span>
        <span>{f('treasury_seal')}</span>
      </Box>
    </Box>
  );
};

/** The 收入退还书, printable. Finance prints the copy with the full payee account (audited). */
export const RefundVoucherPage = () => {
  const { id } = useParams();
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const mayPrint = useCan('print', 'refunds');
  const [full, setFull] = React.useState(false);
  const { data, error } = useQuery({
    queryKey: ['refund-voucher', id, full],
    queryFn: () => dataProvider.refundVoucher(id!, full),
  });
  React.useEffect(() => {
    if (full && data?.printed) window.print();
  }, [full, data]);
  return (
    <Authenticated>
      {printStyles}
      <Box className="no-print" sx={{ display: 'flex', gap: 1, p: 2 }}>
        <Button component={Link} to={`/refunds/${id}/show`}>
          {translate('ra.action.back')}
        </Button>
        {mayPrint && (
          <Button
            variant="contained"
            startIcon={<PrintIcon />}
            onClick={() => (full && data?.printed ? window.print() : setFull(true))}
          >
            {translate('resources.refunds.voucher.print')}
          </Button>
        )}
      </Box>
      {error && <Alert severity="error">{(error as Error).message}</Alert>}
      {data && <VoucherSheet v={data} />}
    </Authenticated>
  );
};
