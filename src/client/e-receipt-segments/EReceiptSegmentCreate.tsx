import { Grid } from '@mui/material';
import {
  Create,
  minValue,
  NumberInput,
  ReferenceInput,
  regex,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
} from 'react-admin';

const twoDigits = regex(/^\d{2}$/, 'app.receipts.two_digits');

/** A segment of pre-assigned codes 预附码 (region + category + type + year) for one unit. */
export const EReceiptSegmentCreate = () => (
  <Create redirect="list">
    <SimpleForm defaultValues={{ category: '01', type: '01', year: 2026 }}>
      <Grid container spacing={2} sx={{ width: '100%', maxWidth: 900 }}>
        <Grid size={{ xs: 12, md: 6 }}>
          <ReferenceInput source="unitId" reference="units">
            <SelectInput optionText="name" validate={required()} fullWidth />
          </ReferenceInput>
        </Grid>
        <Grid size={{ xs: 4, md: 2 }}>
          <TextInput source="category" validate={[required(), twoDigits]} fullWidth />
        </Grid>
        <Grid size={{ xs: 4, md: 2 }}>
          <TextInput source="type" validate={[required(), twoDigits]} fullWidth />
        </Grid>
        <Grid size={{ xs: 4, md: 2 }}>
          <NumberInput source="year" validate={required()} step={1} fullWidth />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <NumberInput source="startNo" validate={[required(), minValue(1)]} step={1} fullWidth />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <NumberInput source="endNo" validate={[required(), minValue(1)]} step={1} fullWidth />
        </Grid>
      </Grid>
    </SimpleForm>
  </Create>
);
