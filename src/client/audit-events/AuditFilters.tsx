import { useQuery } from '@tanstack/react-query';
import { DateInput, SelectInput, TextInput, useDataProvider, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';

/**
 * The audit log's filters. Actions and resources are codes; the choices are the codes the log
 * holds, named in the user's language like the list's columns (AuditCodeField).
 */
export function useAuditFilters() {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const codes = useQuery({ queryKey: ['audit-codes'], queryFn: () => dataProvider.auditCodes() });
  const choices = (group: 'actions' | 'resources', list: string[] = []) =>
    list
      .map((id) => ({ id, name: translate(`app.audit.${group}.${id}`, { _: id }) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  return [
    <TextInput key="actorUsername" source="actorUsername" alwaysOn />,
    <SelectInput
      key="action"
      source="action"
      choices={choices('actions', codes.data?.actions)}
      isLoading={codes.isLoading}
      alwaysOn
    />,
    <SelectInput
      key="resource"
      source="resource"
      choices={choices('resources', codes.data?.resources)}
      isLoading={codes.isLoading}
    />,
    <DateInput key="at_gte" source="at_gte" />,
    <DateInput key="at_lte" source="at_lte" />,
  ];
}
