import { FunctionField, useTranslate } from 'react-admin';
import { type Coded, formatParams } from '../../domain/i18n';

/**
 * A `{ code, params }` the server stored (a flag's detail, …) in the user's language: money params in
 * yuan, times in Asia/Shanghai (`formatParams`).
 */
export const CodedField = ({
  source,
  group,
}: {
  source: string;
  group: 'flag_details' | 'event_details' | 'field_errors' | 'errors';
  label?: string;
}) => {
  const translate = useTranslate();
  return (
    <FunctionField<Record<string, Coded | null>>
      source={source}
      render={(r) => {
        const coded = r[source];
        if (!coded?.code) return '—';
        return translate(`app.${group}.${coded.code}`, { _: coded.code, ...formatParams(coded.params) });
      }}
    />
  );
};

/** A stored enum value (owner, source, …) by its label in `app.enums.<group>`. */
export const EnumField = ({
  source,
  group,
}: {
  source: string;
  group: 'owner' | 'calendar_source' | 'entry_source';
  label?: string;
}) => {
  const translate = useTranslate();
  return (
    <FunctionField<Record<string, string | null>>
      source={source}
      render={(r) => (r[source] ? translate(`app.enums.${group}.${r[source]}`, { _: r[source] }) : '—')}
    />
  );
};
