import {
  CreateButton,
  DataTable,
  List,
  SearchInput,
  SelectField,
  TopToolbar,
  useLocaleState,
} from 'react-admin';
import { ServerExportButton } from '../common/ServerExportButton';
import { levelChoices } from './levelChoices';

export const RegionList = () => {
  const [locale] = useLocaleState();
  return (
    <List
      exporter={false}
      filters={[<SearchInput key="q" source="q" alwaysOn />]}
      actions={
        <TopToolbar>
          <CreateButton />
          <ServerExportButton />
        </TopToolbar>
      }
      sort={{ field: 'code', order: 'ASC' }}
      perPage={50}
    >
      <DataTable rowClick="edit" bulkActionButtons={false}>
        <DataTable.Col source="code" />
        {/* One name column, in the reader's language; the other name is in the edit form. */}
        <DataTable.Col source={locale === 'en' ? 'nameEn' : 'name'} />
        <DataTable.Col source="level">
          <SelectField source="level" choices={levelChoices} />
        </DataTable.Col>
        <DataTable.Col source="parentCode" />
      </DataTable>
    </List>
  );
};
