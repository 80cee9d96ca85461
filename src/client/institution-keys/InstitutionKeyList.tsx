import AutorenewIcon from '@mui/icons-material/Autorenew';
import BlockIcon from '@mui/icons-material/Block';
import { useMutation } from '@tanstack/react-query';
import * as React from 'react';
import {
  Button,
  CreateButton,
  DataTable,
  DateField,
  FunctionField,
  List,
  ReferenceField,
  TextField,
  TopToolbar,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { ActionButton } from '../common/ActionButton';
import { ServerExportButton } from '../common/ServerExportButton';
import { useCan } from '../common/useCan';
import type { AppDataProvider } from '../providers/dataProvider';
import { SecretDialog } from './SecretDialog';

const RotateButton = () => {
  const record = useRecordContext<{ id: string; status: string }>();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [issued, setIssued] = React.useState<{ id: string; secret: string } | null>(null);
  const allowed = useCan('rotate', 'institution-keys');
  const rotate = useMutation({
    mutationFn: () =>
      dataProvider.action<{ id: string; secret: string }>('institution-keys', record!.id, 'rotate'),
    onSuccess: (k) => setIssued(k),
    onError: (e: Error) => notify(e.message, { type: 'error' }),
  });
  if (record?.status !== 'active' || !allowed) return null;
  return (
    <>
      <Button
        label="resources.institution-keys.action.rotate"
        onClick={() => rotate.mutate()}
        disabled={rotate.isPending}
      >
        <AutorenewIcon />
      </Button>
      {issued && (
        <SecretDialog
          keyId={issued.id}
          secret={issued.secret}
          onClose={() => {
            setIssued(null);
            refresh();
          }}
        />
      )}
    </>
  );
};

const Status = () => {
  const translate = useTranslate();
  return (
    <FunctionField<{ status: string }>
      render={(r) => translate(`resources.institution-keys.status.${r.status}`)}
    />
  );
};

const Institution = () => {
  const translate = useTranslate();
  return (
    <FunctionField<{ institution: string }>
      render={(r) => translate(`resources.institution-keys.kinds.${r.institution}`)}
    />
  );
};

export const InstitutionKeyList = () => (
  <List
    exporter={false}
    actions={
      <TopToolbar>
        <CreateButton />
        <ServerExportButton />
      </TopToolbar>
    }
    sort={{ field: 'createdAt', order: 'DESC' }}
  >
    <DataTable bulkActionButtons={false} rowClick={false}>
      <DataTable.Col source="id" />
      <DataTable.Col source="institution">
        <Institution />
      </DataTable.Col>
      <DataTable.Col source="bankId">
        <ReferenceField source="bankId" reference="banks" link={false} emptyText="—">
          <TextField source="name" />
        </ReferenceField>
      </DataTable.Col>
      <DataTable.Col source="status">
        <Status />
      </DataTable.Col>
      <DataTable.Col source="createdAt">
        <DateField source="createdAt" showTime locales="zh-CN" options={{ timeZone: 'Asia/Shanghai' }} />
      </DataTable.Col>
      <DataTable.Col source="lastUsedAt">
        <DateField
          source="lastUsedAt"
          showTime
          locales="zh-CN"
          options={{ timeZone: 'Asia/Shanghai' }}
          emptyText="—"
        />
      </DataTable.Col>
      <DataTable.Col label="resources.institution-keys.fields.actions">
        <RotateButton />
        <RevokeIfActive />
      </DataTable.Col>
    </DataTable>
  </List>
);

const RevokeIfActive = () => {
  const record = useRecordContext<{ status: string }>();
  if (record?.status !== 'active') return null;
  return (
    <ActionButton
      action="revoke"
      label="resources.institution-keys.action.revoke"
      successMessage="resources.institution-keys.notifications.revoked"
      icon={<BlockIcon />}
      color="error"
    />
  );
};
