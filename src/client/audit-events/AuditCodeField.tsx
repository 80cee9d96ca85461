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

/**
 * The audit actor: a person's login name as it is (marked `translate="no"`: an identifier, not a word),
 * the system and API keys in the user's language.
 */
export const AuditActorField = (_: { source?: 'actorUsername'; label?: string }) => {
  const translate = useTranslate();
  return (
    <FunctionField<{ actorUsername: string | null }>
      source="actorUsername"
      render={({ actorUsername: name }) => {
        if (!name) return '—';
        if (name === 'system' || name === 'machine') return translate(`app.audit.actors.${name}`);
        if (name.startsWith('key:')) return translate('app.audit.actors.key', { keyId: name.slice(4) });
        return <span translate="no">{name}</span>;
      }}
    />
  );
};
