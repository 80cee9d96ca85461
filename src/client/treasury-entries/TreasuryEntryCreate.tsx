import { Grid } from '@mui/material';
import {
  Create,
  DateInput,
  type RaRecord,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  useNotify,
  useRedirect,
} from 'react-admin';
import { formatFen } from '../../domain/money';
import { budgetLevelChoices } from '../common/levelChoices';
import { validateYuan, yuanToFenBody } from '../common/yuan';

interface CreatedEntry extends RaRecord {
  transferReference: string;
  feedback?: { type: string; expectedFen: number; enteredFen: number }[];
}

// A mismatch the entry caused goes back to finance; the officer must see it before the next one.
const WARN = new Set(['wrong_subject_level', 'partial', 'missing']);

/** The treasury officer types in one entry 入库; the feedback for its transfer is computed at once. */
export const TreasuryEntryCreate = () => {
  const notify = useNotify();
  const redirect = useRedirect();
  const onSuccess = (record: RaRecord) => {
    const data = record as CreatedEntry;
    const f = data.feedback?.[0];
    if (!f) notify('resources.treasury-entries.notifications.created', { type: 'success' });
    else
      notify(`resources.treasury-entries.notifications.${f.type}`, {
        type: WARN.has(f.type) ? 'warning' : 'success',
        autoHideDuration: WARN.has(f.type) ? 15000 : undefined,
        messageArgs: {
          reference: data.transferReference,
          expected: formatFen(f.expectedFen),
          entered: formatFen(f.enteredFen),
        },
      });
    redirect('list', 'treasury-entries');
  };
  return (
    <Create transform={yuanToFenBody} mutationOptions={{ onSuccess }}>
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
};
