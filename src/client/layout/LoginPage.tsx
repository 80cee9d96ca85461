import { Alert, Box, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { Login, LoginForm, useTranslate } from 'react-admin';
import { pendingReset } from '../providers/pendingReset';
import { session } from '../providers/session';
import { SetPasswordForm } from './SetPasswordForm';

/**
 * Names the product and says whether the last session expired. Whoever reaches this page is no
 * longer the previous user: everything cached for them (identity, dashboard, lists) is dropped.
 */
export const LoginPage = () => {
  const translate = useTranslate();
  const queryClient = useQueryClient();
  const [expired] = useState(() => session.expired());
  // Signed in with a one-time reset code: the new password comes first.
  const pending = useSyncExternalStore(pendingReset.subscribe, pendingReset.get);
  useEffect(() => {
    queryClient.clear();
  }, [queryClient]);
  return (
    <Login>
      <Box sx={{ px: 2, pb: 1, textAlign: 'center' }}>
        <Typography variant="h6" component="h1">
          {translate('app.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('app.login.subtitle')}
        </Typography>
      </Box>
      {expired && !pending && (
        <Alert severity="warning" sx={{ mx: 2 }} data-testid="session-expired">
          {translate('app.login.expired')}
        </Alert>
      )}
      {pending ? <SetPasswordForm pending={pending} /> : <LoginForm />}
    </Login>
  );
};
