import { FunctionField, useTranslate } from 'react-admin';

/** Audit actions and resources are stored as codes; show them in the user's language. */
export const AuditCodeField = ({ source }: { source: 'action' | 'resource'; label?: string }) => {
  const translate = useTranslate();
  const group = source === 'action' ? 'actions' : 'resources';
  return (
    <FunctionField<Record<string, string>>
      source={source}
      render={(r) => translate(`app.audit.${group}.${r[source]}`, { _: r[source] })}
    />
  );
};
