import {
  Alert,
  Card,
  CardContent,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import * as React from 'react';
import { Loading, Title, useDataProvider, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';

const COLUMNS = ['received', 'passedOn', 'used', 'voided', 'writtenOff', 'balance'] as const;

/** 结存 at any date: received − passed on − used = balance, per holder and type, with totals. */
export const ReceiptBalancePage = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  // Empty until the user picks one: the server answers for its business "today".
  const [date, setDate] = React.useState('');
  const { data, isPending, error } = useQuery({
    queryKey: ['receipt-balance', date],
    queryFn: () => dataProvider.receiptBalance(date),
    enabled: date === '' || /^\d{4}-\d{2}-\d{2}$/.test(date),
  });
  const types = [...new Set((data?.rows ?? []).map((r) => r.typeCode))];
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="app.receipts.balance_title" />
      <CardContent>
        <Stack direction="row" spacing={2} sx={{ mb: 2 }}>
          <TextField
            type="date"
            label={translate('app.receipts.as_of')}
            value={date || data?.date || ''}
            onChange={(e) => setDate(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
        </Stack>
        <Alert severity="info" sx={{ mb: 2 }}>
          {translate('app.receipts.balance_rule')}
        </Alert>
        {isPending && <Loading />}
        {error && <Alert severity="error">{translate(error.message, { _: error.message })}</Alert>}
        {types.map((type) => {
          const rows = (data?.rows ?? []).filter((r) => r.typeCode === type);
          const units = rows.filter((r) => r.unitId !== null);
          return (
            <Table key={type} size="small" sx={{ mb: 3 }} data-testid={`balance-${type}`}>
              <TableHead>
                <TableRow>
                  <TableCell>{translate(`app.receipt_types.${type}`)}</TableCell>
                  {COLUMNS.map((c) => (
                    <TableCell key={c} align="right">
                      {translate(`app.receipts.balance_columns.${c}`)}
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map((r) => (
                  <TableRow key={r.id} data-testid={`balance-row-${r.id}`}>
                    <TableCell sx={{ pl: 2 + (r.regionCode.length / 2 - 1 + (r.unitId ? 1 : 0)) * 2 }}>
                      {r.holderName}
                    </TableCell>
                    {COLUMNS.map((c) => (
                      <TableCell key={c} align="right" data-col={c}>
                        {r[c]}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
                {units.length > 1 && (
                  <TableRow sx={{ '& td': { fontWeight: 'bold' } }} data-testid={`balance-total-${type}`}>
                    <TableCell>{translate('app.receipts.units_total')}</TableCell>
                    {COLUMNS.map((c) => (
                      <TableCell key={c} align="right" data-col={c}>
                        {units.reduce((n, r) => n + r[c], 0)}
                      </TableCell>
                    ))}
                  </TableRow>
                )}
              </TableBody>
            </Table>
          );
        })}
      </CardContent>
    </Card>
  );
};
