import { Grid } from '@mui/material';
import {
  Create,
  DateInput,
  minValue,
  NumberInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
} from 'react-admin';
import { paperTypeChoices } from '../receipts/choices';

/** A purchase: a number range of one type; an overlap with an earlier purchase is refused by the server. */
export const ReceiptBatchCreate = () => (
  <Create redirect="list">
    <SimpleForm>
      <Grid container spacing={2} sx={{ width: '100%', maxWidth: 900 }}>
        <Grid size={{ xs: 12, md: 4 }}>
          <SelectInput source="typeCode" choices={paperTypeChoices} validate={required()} fullWidth />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <NumberInput source="startNo" validate={[required(), minValue(1)]} step={1} fullWidth />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <NumberInput source="endNo" validate={[required(), minValue(1)]} step={1} fullWidth />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <DateInput source="purchasedOn" validate={required()} fullWidth />
        </Grid>
        <Grid size={{ xs: 12, md: 8 }}>
          <TextInput source="note" fullWidth />
        </Grid>
      </Grid>
    </SimpleForm>
  </Create>
);
