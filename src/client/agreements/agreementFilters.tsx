import { BooleanInput, ReferenceInput, SearchInput, SelectInput } from 'react-admin';
import { statusChoices } from './choices';

export const agreementFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="bankId" source="bankId" reference="banks" alwaysOn>
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <SelectInput key="status" source="status" choices={statusChoices} alwaysOn />,
  <ReferenceInput
    key="regionCode"
    source="regionCode"
    reference="regions"
    sort={{ field: 'code', order: 'ASC' }}
    perPage={100}
  >
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <BooleanInput key="overdueFiling" source="overdueFiling" />,
];
