import { Grid } from '@mui/material';
import { DateInput, ReferenceInput, SelectInput, TextInput } from 'react-admin';
import { exchangeChoices, remittanceChoices } from './choices';

export const AgreementInputs = () => (
  <Grid container spacing={2} sx={{ width: '100%', maxWidth: 900 }}>
    <Grid size={{ xs: 12, md: 6 }}>
      <ReferenceInput source="bankId" reference="banks">
        <SelectInput optionText="name" fullWidth />
      </ReferenceInput>
    </Grid>
    <Grid size={{ xs: 12, md: 6 }}>
      <ReferenceInput
        source="regionCode"
        reference="regions"
        sort={{ field: 'code', order: 'ASC' }}
        perPage={100}
      >
        <SelectInput optionText="name" fullWidth />
      </ReferenceInput>
    </Grid>
    <Grid size={{ xs: 12, md: 6 }}>
      <TextInput source="agreementNo" fullWidth />
    </Grid>
    <Grid size={{ xs: 12, md: 6 }}>
      <TextInput source="cutoffTime" fullWidth helperText="resources.agreements.help.cutoff" />
    </Grid>
    <Grid size={{ xs: 12, md: 4 }}>
      <TextInput source="accountName" fullWidth />
    </Grid>
    <Grid size={{ xs: 12, md: 4 }}>
      <TextInput source="accountNumber" fullWidth />
    </Grid>
    <Grid size={{ xs: 12, md: 4 }}>
      <TextInput source="accountBranch" fullWidth />
    </Grid>
    <Grid size={{ xs: 12, md: 6 }}>
      <SelectInput source="remittanceMethod" choices={remittanceChoices} fullWidth />
    </Grid>
    <Grid size={{ xs: 12, md: 6 }}>
      <SelectInput source="dataExchangeMethod" choices={exchangeChoices} fullWidth />
    </Grid>
    <Grid size={{ xs: 12, md: 4 }}>
      <DateInput source="signedOn" fullWidth />
    </Grid>
    <Grid size={{ xs: 12, md: 4 }}>
      <DateInput source="effectiveFrom" fullWidth />
    </Grid>
    <Grid size={{ xs: 12, md: 4 }}>
      <DateInput source="effectiveTo" fullWidth />
    </Grid>
    <Grid size={12}>
      <TextInput source="note" multiline minRows={2} fullWidth />
    </Grid>
  </Grid>
);
