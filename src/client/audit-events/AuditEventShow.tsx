import { DateField, FunctionField, Show, SimpleShowLayout, TextField, useTranslate } from 'react-admin';
import { AuditChanges } from './AuditChanges';
import { AuditActorField, AuditCodeField } from './AuditCodeField';

/** The role code stored with the event, in the reader's language. */
const ActorRoleField = (_: { label?: string }) => {
  const translate = useTranslate();
  return (
    <FunctionField<{ actorRole: string | null }>
      source="actorRole"
      render={(r) => (r.actorRole ? translate(`app.roles.${r.actorRole}`, { _: r.actorRole }) : '—')}
    />
  );
};

export const AuditEventShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="id" />
      <DateField source="at" showTime locales="zh-CN" options={{ timeZone: 'Asia/Shanghai' }} />
      <AuditActorField label="resources.audit-events.fields.actorUsername" />
      <ActorRoleField label="resources.audit-events.fields.actorRole" />
      <AuditCodeField source="action" label="resources.audit-events.fields.action" />
      <AuditCodeField source="resource" label="resources.audit-events.fields.resource" />
      <TextField source="recordId" emptyText="—" />
      <TextField source="ip" emptyText="—" />
      <AuditChanges source="before" label="resources.audit-events.fields.before" />
      <AuditChanges source="after" label="resources.audit-events.fields.after" />
      <TextField source="prevHash" sx={{ fontFamily: 'monospace', fontSize: 12 }} />
      <TextField source="hash" sx={{ fontFamily: 'monospace', fontSize: 12 }} />
    </SimpleShowLayout>
  </Show>
);
