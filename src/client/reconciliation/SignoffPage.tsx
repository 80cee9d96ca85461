import LockIcon from '@mui/icons-material/Lock';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as React from 'react';
import { Title, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { useCan } from '../common/useCan';
import type { AppDataProvider } from '../providers/dataProvider';
import { session } from '../providers/session';

const ROLES = ['finance', 'police', 'bank'] as const;

/** Monthly sign-off per bank by finance, police and the bank; all three lock the period. */
export const SignoffPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<AppDataProvider>();
  const user = session.get()?.user;
  const summary = useQuery({ queryKey: ['summary'], queryFn: () => dataProvider.summary() });
  const [picked, setPicked] = React.useState<string | null>(null);
  const lastMonth = (() => {
    const today = summary.data?.today;
    if (!today) return '';
    const [y, m] = today.split('-').map(Number);
    return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  })();
  const month = picked ?? lastMonth;
  const table = useQuery({
    queryKey: ['signoffs', month],
    queryFn: () => dataProvider.signoffs(month),
    enabled: /^\d{4}-\d{2}$/.test(month),
  });
  const [reopen, setReopen] = React.useState<string | null>(null);
  const [reason, setReason] = React.useState('');
  const done = (key: string) => {
    notify(key, { type: 'info' });
    queryClient.invalidateQueries({ queryKey: ['signoffs', month] });
  };
  const sign = useMutation({
    mutationFn: (bankId: string) => dataProvider.signOff(month, bankId),
    onSuccess: () => done('app.signoffs.signed'),
    onError: (e: Error) => notify(e.message, { type: 'error' }),
  });
  const reopenIt = useMutation({
    mutationFn: () => dataProvider.reopenPeriod(month, reopen!, reason.trim()),
    onSuccess: () => {
      setReopen(null);
      setReason('');
      done('app.signoffs.reopened');
    },
    onError: (e: Error) => notify(e.message, { type: 'error' }),
  });
  const maySign = useCan('create', 'reconciliation-signoffs');
  const mayReopen = useCan('reopen', 'reconciliation-signoffs');
  const t = (k: string, o?: object) => translate(`app.signoffs.${k}`, o);
  const tt = table.data?.timetable;
  return (
    <Box sx={{ p: 2 }}>
      <Title title="app.signoffs.title" />
      <TextField
        type="month"
        size="small"
        label={t('month')}
        value={month}
        onChange={(e) => setPicked(e.target.value)}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'aria-label': t('month') } }}
        sx={{ mb: 2 }}
      />
      {tt && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('timetable', {
            monthEnd: tt.monthEnd,
            treasuryTable: tt.treasuryTable,
            unitConfirmation: tt.unitConfirmation,
            monthlyReport: tt.monthlyReport,
          })}
        </Alert>
      )}
      <Card>
        <CardContent>
          <Typography variant="subtitle1">{t('table')}</Typography>
          <Table size="small" aria-label={t('table')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('bank')}</TableCell>
                {ROLES.map((r) => (
                  <TableCell key={r}>{translate(`app.roles.${r}`)}</TableCell>
                ))}
                <TableCell>{t('state')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {table.data?.banks.map((b) => (
                <TableRow key={b.bankId} data-testid={`signoff-${b.bankId}`}>
                  <TableCell>{b.bankName}</TableCell>
                  {ROLES.map((r) => {
                    const s = b.signoffs[r];
                    const mine = user && user.role === r && (r !== 'bank' || user.bankId === b.bankId);
                    return (
                      <TableCell key={r}>
                        {s ? (
                          `${s.name}`
                        ) : mine && maySign ? (
                          <Button
                            size="small"
                            variant="outlined"
                            onClick={() => sign.mutate(b.bankId)}
                            disabled={sign.isPending}
                          >
                            {t('sign')}
                          </Button>
                        ) : (
                          <Chip
                            size="small"
                            color={b.late.includes(r) ? 'error' : 'default'}
                            label={b.late.includes(r) ? t('late') : t('waiting')}
                          />
                        )}
                      </TableCell>
                    );
                  })}
                  <TableCell>
                    {b.locked ? (
                      <>
                        <Chip size="small" icon={<LockIcon />} color="success" label={t('locked')} />
                        {mayReopen && (
                          <Button size="small" color="warning" onClick={() => setReopen(b.bankId)}>
                            {t('reopen')}
                          </Button>
                        )}
                      </>
                    ) : (
                      <Chip size="small" label={t('open')} />
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
      <Dialog open={!!reopen} onClose={() => setReopen(null)} fullWidth maxWidth="sm">
        <DialogTitle>{t('reopen')}</DialogTitle>
        <DialogContent>
          <TextField
            label={translate('app.action.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            required
            fullWidth
            multiline
            margin="dense"
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setReopen(null)}>{translate('app.action.cancel')}</Button>
          <Button
            variant="contained"
            disabled={!reason.trim() || reopenIt.isPending}
            onClick={() => reopenIt.mutate()}
          >
            {translate('app.action.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
};
