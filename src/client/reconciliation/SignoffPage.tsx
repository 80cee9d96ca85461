import LockIcon from '@mui/icons-material/Lock';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as React from 'react';
import { Title, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { formatFen } from '../../domain/money';
import { stateRefusal } from '../../domain/permissions';
import type { Refusal } from '../../domain/workflows';
import { ExportMenu } from '../common/ServerExportButton';
import { useCan } from '../common/useCan';
import type { AppDataProvider, SignoffTable } from '../providers/dataProvider';
import { session } from '../providers/session';
import { MonthField, useLastMonth } from '../reports/common';

const ROLES = ['finance', 'police', 'bank'] as const;

/** Monthly sign-off per bank by finance, police and the bank; all three lock the period. */
export const SignoffPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<AppDataProvider>();
  const user = session.get()?.user;
  const [picked, setPicked] = React.useState<string | null>(null);
  const lastMonth = useLastMonth();
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
  const [signing, setSigning] = React.useState<SignoffTable['banks'][number] | null>(null);
  const [acknowledged, setAcknowledged] = React.useState(false);
  const sign = useMutation({
    mutationFn: (bankId: string) => dataProvider.signOff(month, bankId),
    onSuccess: () => {
      setSigning(null);
      done('app.signoffs.signed');
    },
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
      <MonthField label={t('month')} value={month} onChange={setPicked} sx={{ mb: 2, mr: 2 }} />
      {table.data && (
        <ExportMenu
          resource="reconciliation-signoffs"
          filter={{ month: table.data.month }}
          total={table.data.banks.length}
        />
      )}
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
                          <SignButton
                            refusal={stateRefusal(user, 'create', 'reconciliation-signoffs', b)}
                            onClick={() => {
                              setAcknowledged(false);
                              setSigning(b);
                            }}
                            disabled={sign.isPending}
                          />
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
      <SignDialog
        month={month}
        bank={signing}
        acknowledged={acknowledged}
        onAcknowledge={setAcknowledged}
        onClose={() => setSigning(null)}
        onConfirm={() => signing && sign.mutate(signing.bankId)}
        pending={sign.isPending}
      />
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

const SignButton = ({
  refusal,
  onClick,
  disabled,
}: {
  refusal: Refusal | null;
  onClick: () => void;
  disabled: boolean;
}) => {
  const translate = useTranslate();
  const button = (
    <Button size="small" variant="outlined" onClick={onClick} disabled={disabled || refusal !== null}>
      {translate('app.signoffs.sign')}
    </Button>
  );
  // A disabled button fires no events; the span carries the tooltip with the reason.
  return refusal ? (
    <Tooltip title={translate(`app.refusal.${refusal}`)}>
      <span>{button}</span>
    </Tooltip>
  ) : (
    button
  );
};

/** A signature accepts the month as it is: the dialog names every finding still open, by type and amount. */
const SignDialog = ({
  month,
  bank,
  acknowledged,
  onAcknowledge,
  onClose,
  onConfirm,
  pending,
}: {
  month: string;
  bank: SignoffTable['banks'][number] | null;
  acknowledged: boolean;
  onAcknowledge: (v: boolean) => void;
  onClose: () => void;
  onConfirm: () => void;
  pending: boolean;
}) => {
  const translate = useTranslate();
  const open = bank?.openDiscrepancies ?? [];
  const total = open.reduce((n, d) => n + d.count, 0);
  return (
    <Dialog open={!!bank} onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{translate('app.signoffs.sign')}</DialogTitle>
      <DialogContent data-testid="step-confirmation">
        <Typography sx={{ mb: 1 }}>
          {translate('app.step_confirm.signoff', { month, bank: bank?.bankName ?? '' })}
        </Typography>
        {total === 0 ? (
          <Alert severity="success">{translate('app.step_confirm.signoff_none')}</Alert>
        ) : (
          <Alert severity="warning">
            {translate('app.step_confirm.signoff_open', { count: total })}
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {open.map((d) => (
                <li key={d.type}>
                  {translate('app.step_confirm.signoff_type', {
                    type: translate(`resources.discrepancies.types.${d.type}`),
                    count: d.count,
                    // Only the sides the findings have: a line only the bank has shows no platform amount.
                    amounts: [
                      d.platformFen === null
                        ? null
                        : translate('app.step_confirm.signoff_platform', { fen: formatFen(d.platformFen) }),
                      d.bankFen === null
                        ? null
                        : translate('app.step_confirm.signoff_bank', { fen: formatFen(d.bankFen) }),
                    ]
                      .filter(Boolean)
                      .join(translate('app.step_confirm.signoff_separator')),
                  })}
                </li>
              ))}
            </ul>
          </Alert>
        )}
        {total > 0 && (
          <FormControlLabel
            control={<Checkbox checked={acknowledged} onChange={(e) => onAcknowledge(e.target.checked)} />}
            label={translate('app.step_confirm.signoff_ack', { count: total })}
          />
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('app.action.cancel')}</Button>
        <Button variant="contained" disabled={pending || (total > 0 && !acknowledged)} onClick={onConfirm}>
          {translate('app.action.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
