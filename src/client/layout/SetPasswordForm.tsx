import { Alert, Box, Button, CardContent, TextField } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { formatParams } from '../../domain/i18n';
import { passwordSchema } from '../../domain/users';
import { httpClient } from '../providers/httpClient';
import { type PendingReset, pendingReset } from '../providers/pendingReset';
import { type SessionUser, session } from '../providers/session';

/**
 * Shown on the login page after a sign-in with a one-time reset code: says who reset the password
 * and when, then takes the new password. The server ends the code session and answers a normal one.
 */
export const SetPasswordForm = ({ pending }: { pending: PendingReset }) => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [touched, setTouched] = useState(false);
  const weak = !passwordSchema.safeParse(password).success;
  const mismatch = password !== repeat;
  const { mutate, isPending, error } = useMutation({
    mutationFn: async () => {
      const { json } = await httpClient('/api/auth/set-password', {
        method: 'POST',
        headers: { Accept: 'application/json', 'X-CSRF-Token': pending.csrfToken },
        body: JSON.stringify({ newPassword: password }),
      });
      return json as { user: SessionUser; csrfToken: string };
    },
    onSuccess: (json) => {
      pendingReset.set(null);
      session.set(json);
      navigate('/');
    },
  });
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!weak && !mismatch) mutate();
  };
  return (
    <CardContent component="form" onSubmit={submit} noValidate data-testid="set-password-form">
      {pending.notice && (
        <Alert severity="warning" sx={{ mb: 2 }} data-testid="reset-notice">
          {translate(`resources.users.reset.${pending.notice.code}`, formatParams(pending.notice.params))}
        </Alert>
      )}
      <Box sx={{ mb: 1 }}>{translate('resources.users.reset.set_help')}</Box>
      <TextField
        type="password"
        label={translate('resources.users.reset.new_password')}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={touched && weak}
        helperText={translate('app.validation.password')}
        autoComplete="new-password"
        fullWidth
        margin="dense"
        required
      />
      <TextField
        type="password"
        label={translate('resources.users.reset.repeat')}
        value={repeat}
        onChange={(e) => setRepeat(e.target.value)}
        error={touched && mismatch}
        helperText={touched && mismatch ? translate('resources.users.reset.mismatch') : ' '}
        autoComplete="new-password"
        fullWidth
        margin="dense"
        required
      />
      {error && (
        <Alert severity="error" sx={{ mb: 1 }}>
          {error.message}
        </Alert>
      )}
      <Button type="submit" variant="contained" fullWidth disabled={isPending} sx={{ mt: 1 }}>
        {translate('resources.users.reset.submit')}
      </Button>
      <Button fullWidth sx={{ mt: 1 }} onClick={() => pendingReset.set(null)}>
        {translate('ra.action.back')}
      </Button>
    </CardContent>
  );
};
