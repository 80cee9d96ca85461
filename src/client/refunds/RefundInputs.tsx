import { Grid } from '@mui/material';
import { AutocompleteInput, ReferenceInput, required, SelectInput, TextInput } from 'react-admin';
import { validateYuan } from '../common/yuan';
import { refundReasonChoices } from './choices';
import { RefundableHint } from './RefundableHint';

/** Only paid decisions of the unit can be refunded; the server checks it again. */
export const RefundInputs = ({ edit = false }: { edit?: boolean }) => (
  <Grid container spacing={2} sx={{ width: '100%', maxWidth: 900 }}>
    <Grid size={{ xs: 12, md: 6 }}>
      <ReferenceInput
        source="decisionId"
        reference="decisions"
        filter={{ paymentStatus: ['paid', 'partially_refunded'] }}
      >
        <AutocompleteInput
          optionText="decisionNumber"
          filterToQuery={(q: string) => ({ q })}
          validate={required()}
          // readOnly, not disabled: react-hook-form drops a disabled field's value, so the required
          // check failed (必填) and a returned application could never be saved again.
          readOnly={edit}
          fullWidth
        />
      </ReferenceInput>
    </Grid>
    <Grid size={{ xs: 12, md: 3 }}>
      <SelectInput source="reason" choices={refundReasonChoices} validate={required()} fullWidth />
    </Grid>
    <Grid size={{ xs: 12, md: 3 }}>
      <TextInput source="amountYuan" validate={[required(), validateYuan]} fullWidth />
    </Grid>
    {!edit && (
      <Grid size={12}>
        <RefundableHint />
      </Grid>
    )}
    <Grid size={{ xs: 12, md: 4 }}>
      <TextInput source="payeeName" validate={required()} fullWidth />
    </Grid>
    <Grid size={{ xs: 12, md: 4 }}>
      <TextInput source="payeeAccount" validate={required()} fullWidth />
    </Grid>
    <Grid size={{ xs: 12, md: 4 }}>
      <TextInput source="payeeBank" validate={required()} fullWidth />
    </Grid>
    <Grid size={12}>
      <TextInput source="note" multiline minRows={2} fullWidth />
    </Grid>
  </Grid>
);
