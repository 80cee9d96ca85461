import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import LockResetIcon from '@mui/icons-material/LockReset';
import { Alert, Box, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { shanghaiDateTime } from '../../domain/i18n';
import { useCan } from '../common/useCan';
import type { AppDataProvider } from '../providers/dataProvider';
import { session } from '../providers/session';

interface Issued {
  code: string;
  expiresAt: string;
}

/**
 * 重置密码: the admin never learns the new password. The server answers a one-time code, shown here
 * once (with a copy button) and forgotten when the dialog closes; the user signs in with it and must
 * choose a password. Not offered on the admin's own record.
 */
export const ResetPasswordButton = () => {
  const record = useRecordContext<{ id: number; displayName: string }>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<AppDataProvider>();
  const allowed = useCan('reset-password', 'users', record);
  const [open, setOpen] = useState(false);
  const [issued, setIssued] = useState<Issued | null>(null);
  const { mutate, isPending } = useMutation({
    mutationFn: () => dataProvider.action<Issued>('users', record!.id, 'reset-password'),
    onSuccess: (answer) => setIssued({ code: answer.code, expiresAt: answer.expiresAt }),
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  if (!record || !allowed || record.id === session.get()?.user.id) return null;
  const name = record.displayName;
  const close = () => {
    // The code lives only in this dialog: once closed it cannot be shown again.
    const hadCode = !!issued;
    setOpen(false);
    setIssued(null);
    if (hadCode) refresh();
  };
  const copy = async () => {
    if (!issued) return;
    try {
      await navigator.clipboard.writeText(issued.code);
      notify('resources.users.reset.copied', { type: 'info' });
    } catch {
      notify('ra.notification.http_error', { type: 'error' });
    }
  };
  return (
    <>
      <Button label="resources.users.reset.action" onClick={() => setOpen(true)} color="warning">
        <LockResetIcon />
      </Button>
      <Dialog open={open} onClose={issued ? undefined : close} fullWidth maxWidth="sm">
        <DialogTitle>
          {translate(issued ? 'resources.users.reset.code_title' : 'resources.users.reset.action')}
        </DialogTitle>
        <DialogContent>
          {issued ? (
            <>
              <Alert severity="warning" sx={{ mb: 2 }}>
                {translate('resources.users.reset.code_once', { name })}
              </Alert>
              <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
                <Typography
                  data-testid="reset-code"
                  sx={{ fontFamily: 'monospace', fontSize: '1.5rem', letterSpacing: 2, userSelect: 'all' }}
                >
                  {issued.code}
                </Typography>
                <Button label="resources.users.reset.copy" onClick={copy} variant="outlined">
                  <ContentCopyIcon />
                </Button>
              </Box>
              <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
                {translate('resources.users.reset.expires', { at: shanghaiDateTime(issued.expiresAt) })}
              </Typography>
            </>
          ) : (
            <Alert severity="warning">{translate('resources.users.reset.confirm', { name })}</Alert>
          )}
        </DialogContent>
        <DialogActions>
          {issued ? (
            <Button label="resources.users.reset.done" variant="contained" onClick={close} />
          ) : (
            <>
              <Button label="app.action.cancel" onClick={close} />
              <Button
                label="app.action.confirm"
                variant="contained"
                color="warning"
                onClick={() => mutate()}
                disabled={isPending}
              />
            </>
          )}
        </DialogActions>
      </Dialog>
    </>
  );
};
