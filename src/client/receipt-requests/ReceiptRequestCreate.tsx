import { Grid } from '@mui/material';
import { Create, minValue, NumberInput, required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { paperTypeChoices } from '../receipts/choices';

export const ReceiptRequestCreate = () => (
  <Create redirect="list">
    <SimpleForm defaultValues={{ typeCode: 'payment_form', count: 100 }}>
      <Grid container spacing={2} sx={{ width: '100%', maxWidth: 900 }}>
        <Grid size={{ xs: 12, md: 6 }}>
          <SelectInput source="typeCode" choices={paperTypeChoices} validate={required()} fullWidth />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <NumberInput source="count" validate={[required(), minValue(1)]} step={1} fullWidth />
        </Grid>
        <Grid size={12}>
          <TextInput source="note" fullWidth />
        </Grid>
      </Grid>
    </SimpleForm>
  </Create>
);
