import { Alert, Dialog, DialogActions, DialogContent, DialogTitle, TextField, Tooltip } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import * as React from 'react';
import {
  Button,
  type RaRecord,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useResourceContext,
  useTranslate,
} from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import { useStepAccess } from './useCan';

/** Words for an irreversible step: a translation key and its parameters, built from the record. */
export interface StepConfirmation {
  message: string;
  params?: (record: RaRecord, translate: (key: string, options?: object) => string) => object;
}

interface Props {
  /** Endpoint suffix and permission action, e.g. `activate` → POST /api/<resource>/<id>/activate. */
  action: string;
  label: string;
  successMessage: string;
  icon?: React.ReactElement;
  /** 'required' and 'optional' open a dialog with a reason field. */
  reason?: 'required' | 'optional' | 'none';
  /** Extra fields for the dialog (e.g. the filing reference); their values are sent as the body. */
  extraField?: { name: string; label: string };
  color?: 'primary' | 'error' | 'warning' | 'inherit';
  /** The permission action when it differs from the endpoint (reactivate is guarded by `deactivate`). */
  permission?: string;
  /** Irreversible steps open a dialog that restates what will happen (amount, party, count) first. */
  confirm?: StepConfirmation;
}

/**
 * A workflow action: shown only when the shared `can()` could allow it for this record (disabled
 * with the reason when a rule such as four eyes stops this user), pessimistic
 * (the server's answer decides), translated notifications on success and error.
 */
export const ActionButton = ({
  action,
  label,
  successMessage,
  icon,
  reason = 'none',
  extraField,
  color = 'primary',
  permission,
  confirm,
}: Props) => {
  const record = useRecordContext<RaRecord>();
  const resource = useResourceContext() ?? '';
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [open, setOpen] = React.useState(false);
  const [text, setText] = React.useState('');
  const [extra, setExtra] = React.useState('');
  const access = useStepAccess(permission ?? action, resource, record);
  const { mutate, isPending } = useMutation({
    mutationFn: () => {
      const body: Record<string, string> = {};
      if (text.trim()) body.reason = text.trim();
      if (extraField && extra.trim()) body[extraField.name] = extra.trim();
      return dataProvider.action(resource, record!.id, action, body);
    },
    onSuccess: () => {
      setOpen(false);
      setText('');
      setExtra('');
      notify(successMessage, { type: 'info' });
      refresh();
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  if (!record || !access.show) return null;
  const needsDialog = reason !== 'none' || !!extraField || !!confirm;
  const button = (
    <Button
      label={label}
      onClick={() => (needsDialog ? setOpen(true) : mutate())}
      disabled={isPending || access.refusal !== null}
      color={color}
    >
      {icon}
    </Button>
  );
  return (
    <>
      {access.refusal ? (
        // A disabled button fires no events; the span carries the tooltip with the reason.
        // A resource may word a refusal more precisely (`app.refusal_for.<resource>.<code>`).
        <Tooltip
          title={translate(`app.refusal_for.${resource}.${access.refusal}`, {
            _: translate(`app.refusal.${access.refusal}`),
          })}
        >
          <span>{button}</span>
        </Tooltip>
      ) : (
        button
      )}
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate(label)}</DialogTitle>
        <DialogContent>
          {confirm && open && (
            <Alert severity="warning" sx={{ mb: 1 }} data-testid="step-confirmation">
              {translate(confirm.message, confirm.params?.(record, translate))}
            </Alert>
          )}
          {extraField && (
            <TextField
              label={translate(extraField.label)}
              value={extra}
              onChange={(e) => setExtra(e.target.value)}
              fullWidth
              margin="dense"
              inputProps={{ maxLength: 64 }}
            />
          )}
          {reason !== 'none' && (
            <TextField
              label={translate('app.action.reason')}
              value={text}
              onChange={(e) => setText(e.target.value)}
              required={reason === 'required'}
              error={reason === 'required' && !text.trim()}
              multiline
              minRows={2}
              fullWidth
              margin="dense"
              inputProps={{ maxLength: 500, 'aria-label': translate('app.action.reason') }}
            />
          )}
        </DialogContent>
        <DialogActions>
          <Button label="app.action.cancel" onClick={() => setOpen(false)} />
          <Button
            label="app.action.confirm"
            variant="contained"
            onClick={() => mutate()}
            disabled={isPending || (reason === 'required' && !text.trim())}
          />
        </DialogActions>
      </Dialog>
    </>
  );
};
