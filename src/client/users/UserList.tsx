import {
  BooleanField,
  CreateButton,
  DataTable,
  DateField,
  FunctionField,
  List,
  SearchInput,
  SelectInput,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { ServerExportButton } from '../common/ServerExportButton';
import { roleChoices } from './roleChoices';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={roleChoices} alwaysOn />,
];

const RoleField = () => {
  const translate = useTranslate();
  return <FunctionField<{ role: string }> render={(r) => translate(`app.roles.${r.role}`)} />;
};

export const UserList = () => (
  <List
    exporter={false}
    filters={filters}
    actions={
      <TopToolbar>
        <CreateButton />
        <ServerExportButton />
      </TopToolbar>
    }
    sort={{ field: 'username', order: 'ASC' }}
  >
    <DataTable rowClick="edit" bulkActionButtons={false}>
      <DataTable.Col source="username">
        {/* A login name is an identifier typed as it is, not a word to translate. */}
        <FunctionField<{ username: string }> render={(r) => <span translate="no">{r.username}</span>} />
      </DataTable.Col>
      <DataTable.Col source="displayName" />
      <DataTable.Col source="role">
        <RoleField />
      </DataTable.Col>
      <DataTable.Col source="regionCode" />
      <DataTable.Col source="active">
        <BooleanField source="active" />
      </DataTable.Col>
      <DataTable.Col source="locked">
        <BooleanField source="locked" />
      </DataTable.Col>
      <DataTable.Col source="lastLoginAt">
        <DateField
          source="lastLoginAt"
          showTime
          locales="zh-CN"
          options={{ timeZone: 'Asia/Shanghai' }}
          emptyText="—"
        />
      </DataTable.Col>
    </DataTable>
  </List>
);
