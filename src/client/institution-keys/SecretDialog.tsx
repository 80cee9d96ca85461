import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Alert, Box, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { Button, useNotify, useTranslate } from 'react-admin';

/** The secret is shown exactly once: the server stores it encrypted and never returns it again. */
export const SecretDialog = ({
  keyId,
  secret,
  onClose,
}: {
  keyId: string;
  secret: string;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  // Only the secret goes to the clipboard: pasted into a bank's config it must be the bare value.
  const copy = () =>
    navigator.clipboard
      .writeText(secret)
      .then(() => notify('resources.institution-keys.copied', { type: 'success' }))
      .catch(() => notify('resources.institution-keys.copy_failed', { type: 'warning' }));
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{translate('resources.institution-keys.secret_title')}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('resources.institution-keys.secret_once')}
        </Alert>
        <Box
          component="pre"
          sx={{ fontFamily: 'monospace', fontSize: 13, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
          data-testid="key-secret"
        >
          keyId: {keyId}
          {'\n'}secret: {secret}
        </Box>
      </DialogContent>
      <DialogActions>
        <Button label="resources.institution-keys.copy_secret" onClick={copy}>
          <ContentCopyIcon />
        </Button>
        <Button label="ra.action.close" variant="contained" onClick={onClose} />
      </DialogActions>
    </Dialog>
  );
};
