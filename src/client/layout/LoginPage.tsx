import { Alert, Box, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Login, LoginForm, useTranslate } from 'react-admin';
import { session } from '../providers/session';

/**
 * Names the product and says whether the last session expired. Whoever reaches this page is no
 * longer the previous user: everything cached for them (identity, dashboard, lists) is dropped.
 */
export const LoginPage = () => {
  const translate = useTranslate();
  const queryClient = useQueryClient();
  const [expired] = useState(() => session.expired());
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
      {expired && (
        <Alert severity="warning" sx={{ mx: 2 }} data-testid="session-expired">
          {translate('app.login.expired')}
        </Alert>
      )}
      <LoginForm />
    </Login>
  );
};
