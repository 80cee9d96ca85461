import ArchiveIcon from '@mui/icons-material/Archive';
import { Edit, SaveButton, SimpleForm, Toolbar, TopToolbar, useRecordContext } from 'react-admin';
import { ActionButton } from '../common/ActionButton';
import { BillingCodeInputs } from './BillingCodeInputs';
import { editBillingCodeResolver } from './billingCodeResolver';

const Actions = () => {
  const record = useRecordContext<{ status: string }>();
  if (record?.status !== 'active') return null;
  return (
    <TopToolbar>
      <ActionButton
        action="retire"
        label="resources.billing-codes.action.retire"
        successMessage="resources.billing-codes.notifications.retired"
        icon={<ArchiveIcon />}
        reason="optional"
        color="warning"
      />
    </TopToolbar>
  );
};

const FormToolbar = () => {
  const record = useRecordContext<{ status: string }>();
  return <Toolbar>{record?.status === 'active' && <SaveButton />}</Toolbar>;
};

export const BillingCodeEdit = () => (
  <Edit mutationMode="pessimistic" actions={<Actions />} redirect="list">
    <SimpleForm resolver={editBillingCodeResolver} toolbar={<FormToolbar />}>
      <BillingCodeInputs isEdit />
    </SimpleForm>
  </Edit>
);
