import { Card, CardContent } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { Form, PasswordInput, SaveButton, Title, useDataProvider, useNotify } from 'react-admin';
import { z } from 'zod';
import { passwordSchema } from '../../domain/users';
import { zodResolver } from '../common/zodResolver';
import type { AppDataProvider } from '../providers/dataProvider';

const schema = z.object({ currentPassword: z.string().min(1), newPassword: passwordSchema });
type Values = z.infer<typeof schema>;

export const ChangePasswordPage = () => {
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const { mutate } = useMutation({
    mutationFn: (v: Values) => dataProvider.changePassword(v.currentPassword, v.newPassword),
    onSuccess: () => notify('app.password.changed', { type: 'success' }),
    onError: (e: Error) => notify(e.message, { type: 'error' }),
  });
  return (
    <Card sx={{ mt: 2, maxWidth: 480 }}>
      <Title title="app.password.title" />
      <CardContent>
        <Form
          resolver={zodResolver<Values>(schema)}
          onSubmit={(v: Record<string, unknown>) => mutate(v as Values)}
        >
          <PasswordInput source="currentPassword" label="app.password.current" fullWidth />
          <PasswordInput
            source="newPassword"
            label="app.password.new"
            helperText="app.validation.password"
            fullWidth
          />
          <SaveButton alwaysEnable />
        </Form>
      </CardContent>
    </Card>
  );
};
