import { Grid } from '@mui/material';
import {
  AutocompleteInput,
  Create,
  minValue,
  NumberInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
} from 'react-admin';
import { paperTypeChoices } from './choices';

/**
 * The unit issues a paper receipt for one of its decisions: the next unused number of its stock, or
 * the number printed on a handwritten one.
 */
export const ReceiptCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={{ typeCode: 'payment_form' }}>
      <Grid container spacing={2} sx={{ width: '100%', maxWidth: 900 }}>
        <Grid size={{ xs: 12, md: 4 }}>
          <SelectInput source="typeCode" choices={paperTypeChoices} validate={required()} fullWidth />
        </Grid>
        <Grid size={{ xs: 12, md: 8 }}>
          <ReferenceInput source="decisionId" reference="decisions">
            <AutocompleteInput
              optionText="decisionNumber"
              filterToQuery={(q) => ({ q })}
              validate={required()}
              fullWidth
            />
          </ReferenceInput>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <NumberInput
            source="number"
            step={1}
            validate={minValue(1)}
            helperText="app.receipts.number_help"
            fullWidth
          />
        </Grid>
      </Grid>
    </SimpleForm>
  </Create>
);
