import {
  DataTable,
  FilterButton,
  List,
  SearchInput,
  SelectField,
  SelectInput,
  TopToolbar,
} from 'react-admin';
import { isValidIdNumber, isValidPlate } from '../../domain/identity';
import { ImportButton } from '../common/ImportButton';
import { FenField } from '../common/money';
import { ServerExportButton } from '../common/ServerExportButton';
import { useCan } from '../common/useCan';
import { paymentStatusChoices } from './choices';
import { ExactValueInput } from './ExactValueInput';

const normalised = (s: string) => s.trim().toUpperCase();
const fullPlate = (s: string) => (isValidPlate(normalised(s)) ? normalised(s) : null);
const fullIdNumber = (s: string) => (isValidIdNumber(normalised(s)) ? normalised(s) : null);
// Names have no check digit: at least two characters, sent after a pause in typing.
const fullName = (s: string) => (Array.from(s.trim()).length >= 2 ? s.trim() : null);

const baseFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="paymentStatus" source="paymentStatus" choices={paymentStatusChoices} alwaysOn />,
];
// Police and auditors look a person's decisions up by the full value (exact match, audited).
const personalFilters = [
  <ExactValueInput
    key="plate"
    source="plate"
    label="resources.decisions.filters.plate"
    complete={fullPlate}
  />,
  <ExactValueInput
    key="idNumber"
    source="idNumber"
    label="resources.decisions.filters.idNumber"
    complete={fullIdNumber}
  />,
  <ExactValueInput
    key="partyName"
    source="partyName"
    label="resources.decisions.filters.partyName"
    complete={fullName}
  />,
];

const ListActions = ({ personal }: { personal: boolean }) => (
  <TopToolbar>
    {personal ? <FilterButton /> : null}
    <ImportButton resource="decisions" />
    <ServerExportButton />
  </TopToolbar>
);

export const DecisionList = () => {
  const personal = useCan('search', 'decisions');
  return (
    <List
      filters={personal ? [...baseFilters, ...personalFilters] : baseFilters}
      sort={{ field: 'id', order: 'DESC' }}
      actions={<ListActions personal={personal} />}
      exporter={false}
      // A name is typed character by character; wait for a pause so fewer half names are searched.
      debounce={personal ? 1000 : undefined}
      // A searched plate, ID or name must not linger in the address bar, history or local storage.
      disableSyncWithLocation={personal}
      storeKey={personal ? false : undefined}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="decisionNumber" />
        <DataTable.Col source="unitName" />
        <DataTable.Col source="partyName" />
        <DataTable.Col source="plate" />
        <DataTable.Col source="fineFen">
          <FenField source="fineFen" />
        </DataTable.Col>
        <DataTable.Col source="servedOn" />
        <DataTable.Col source="paymentStatus">
          <SelectField source="paymentStatus" choices={paymentStatusChoices} />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
