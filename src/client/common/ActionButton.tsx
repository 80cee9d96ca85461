import { Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
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
import { useCan } from './useCan';

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
}

/**
 * A workflow action: shown only when the shared `can()` allows it for this record, pessimistic
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
  const canAccess = useCan(permission ?? action, resource, record);
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
  if (!record || !canAccess) return null;
  const needsDialog = reason !== 'none' || !!extraField;
  return (
    <>
      <Button
        label={label}
        onClick={() => (needsDialog ? setOpen(true) : mutate())}
        disabled={isPending}
        color={color}
      >
        {icon}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate(label)}</DialogTitle>
        <DialogContent>
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
