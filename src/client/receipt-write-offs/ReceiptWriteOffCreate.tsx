import { Grid } from '@mui/material';
import { Create, minValue, NumberInput, required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { paperTypeChoices } from '../receipts/choices';

/** The unit hands in a range of used stubs for checking; every number in it must have been used. */
export const ReceiptWriteOffCreate = () => (
  <Create redirect="list">
    <SimpleForm defaultValues={{ typeCode: 'payment_form' }}>
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
        <Grid size={12}>
          <TextInput source="note" fullWidth />
        </Grid>
      </Grid>
    </SimpleForm>
  </Create>
);
