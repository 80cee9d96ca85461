import { Edit, SimpleForm, useRecordContext } from 'react-admin';
import { fenToYuanText, yuanToFenBody } from '../common/yuan';
import { RefundInputs } from './RefundInputs';

const Form = () => {
  const record = useRecordContext();
  return (
    <SimpleForm defaultValues={{ amountYuan: fenToYuanText(record?.amountFen) }}>
      <RefundInputs edit />
    </SimpleForm>
  );
};

/** A draft (new or returned by the reviewer) is edited by its unit; pessimistic so a 409/422 is shown. */
export const RefundEdit = () => (
  <Edit redirect="show" mutationMode="pessimistic" transform={yuanToFenBody}>
    <Form />
  </Edit>
);
