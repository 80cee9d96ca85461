import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Button, DataTable, DateField, List, TopToolbar } from 'react-admin';
import { Link } from 'react-router-dom';
import { EnumField } from '../common/CodedField';
import { ServerExportButton } from '../common/ServerExportButton';
import { useCan } from '../common/useCan';

const ImportButton = () =>
  useCan('import', 'calendar-years') ? (
    <Button component={Link} to="/calendar-years/import" label="app.calendar.import_title">
      <UploadFileIcon />
    </Button>
  ) : null;

export const CalendarYearList = () => (
  <List
    exporter={false}
    actions={
      <TopToolbar>
        <ImportButton />
        <ServerExportButton />
      </TopToolbar>
    }
    sort={{ field: 'year', order: 'DESC' }}
    perPage={25}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="year" />
      <DataTable.Col source="regionCode" />
      <DataTable.Col source="holidays" />
      <DataTable.Col source="adjustedWorkdays" />
      <DataTable.Col source="source">
        <EnumField source="source" group="calendar_source" />
      </DataTable.Col>
      <DataTable.Col source="importedAt">
        <DateField source="importedAt" showTime locales="zh-CN" options={{ timeZone: 'Asia/Shanghai' }} />
      </DataTable.Col>
    </DataTable>
  </List>
);
