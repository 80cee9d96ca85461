import { Card, CardContent } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import * as React from 'react';
import {
  Form,
  ReferenceInput,
  SaveButton,
  SelectInput,
  Title,
  useCreate,
  useNotify,
  useRedirect,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { SecretDialog } from './SecretDialog';

const kinds = ['bank', 'police', 'treasury'].map((id) => ({
  id,
  name: `resources.institution-keys.kinds.${id}`,
}));

const BankInput = () =>
  useWatch({ name: 'institution' }) === 'bank' ? (
    <ReferenceInput source="bankId" reference="banks">
      <SelectInput optionText="name" />
    </ReferenceInput>
  ) : null;

export const InstitutionKeyCreate = () => {
  const [create] = useCreate();
  const notify = useNotify();
  const redirect = useRedirect();
  const [issued, setIssued] = React.useState<{ id: string; secret: string } | null>(null);
  const issue = useMutation({
    mutationFn: (data: Record<string, unknown>) =>
      create('institution-keys', { data }, { returnPromise: true }),
    onSuccess: (k) => setIssued(k as unknown as { id: string; secret: string }),
    onError: (e: Error) => notify(e.message, { type: 'error' }),
  });
  return (
    <Card sx={{ mt: 2, maxWidth: 560 }}>
      <Title title="resources.institution-keys.action.issue" />
      <CardContent>
        <Form
          onSubmit={(v: Record<string, unknown>) => issue.mutate(v)}
          defaultValues={{ institution: 'bank' }}
        >
          <SelectInput source="institution" choices={kinds} />
          <BankInput />
          <SaveButton label="resources.institution-keys.action.issue" alwaysEnable />
        </Form>
      </CardContent>
      {issued && (
        <SecretDialog
          keyId={issued.id}
          secret={issued.secret}
          onClose={() => redirect('/institution-keys')}
        />
      )}
    </Card>
  );
};
