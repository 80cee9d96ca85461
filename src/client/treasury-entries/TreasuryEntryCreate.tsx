import { Grid } from '@mui/material';
import { Create, DateInput, ReferenceInput, required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { budgetLevelChoices } from '../common/levelChoices';
import { validateYuan, yuanToFenBody } from '../common/yuan';

/** The treasury officer types in one entry 入库; the feedback for its transfer is computed at once. */
export const TreasuryEntryCreate = () => (
  <Create redirect="list" transform={yuanToFenBody}>
    <SimpleForm>
      <Grid container spacing={2} sx={{ width: '100%', maxWidth: 900 }}>
        <Grid size={{ xs: 12, md: 6 }}>
          <ReferenceInput source="treasuryId" reference="treasuries">
            <SelectInput optionText="name" validate={required()} fullWidth />
          </ReferenceInput>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <TextInput source="transferReference" validate={required()} fullWidth />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <DateInput source="entryDate" validate={required()} fullWidth />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <TextInput source="budgetSubjectCode" validate={required()} fullWidth />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <SelectInput source="budgetLevel" choices={budgetLevelChoices} validate={required()} fullWidth />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <TextInput source="amountYuan" validate={[required(), validateYuan]} fullWidth />
        </Grid>
      </Grid>
    </SimpleForm>
  </Create>
);
