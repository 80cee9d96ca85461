import { Box } from '@mui/material';
import { DateField, FunctionField, Show, SimpleShowLayout, TextField, useTranslate } from 'react-admin';
import { AuditCodeField } from './AuditCodeField';

const Json = ({ source }: { source: 'before' | 'after'; label?: string }) => (
  <FunctionField<Record<string, unknown>>
    source={source}
    render={(r) => (
      <Box component="pre" sx={{ m: 0, fontSize: 12, whiteSpace: 'pre-wrap' }}>
        {r[source] ? JSON.stringify(r[source], null, 2) : '—'}
      </Box>
    )}
  />
);

/** The actor's role in the reader's language (审计监督), not the code. */
const ActorRole = (_props: { label?: string }) => {
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
      <TextField source="actorUsername" />
      <ActorRole label="resources.audit-events.fields.actorRole" />
      <AuditCodeField source="action" label="resources.audit-events.fields.action" />
      <AuditCodeField source="resource" label="resources.audit-events.fields.resource" />
      <TextField source="recordId" emptyText="—" />
      <TextField source="ip" emptyText="—" />
      <Json source="before" label="resources.audit-events.fields.before" />
      <Json source="after" label="resources.audit-events.fields.after" />
      <TextField source="prevHash" sx={{ fontFamily: 'monospace', fontSize: 12 }} />
      <TextField source="hash" sx={{ fontFamily: 'monospace', fontSize: 12 }} />
    </SimpleShowLayout>
  </Show>
);
