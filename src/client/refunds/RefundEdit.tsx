import { Edit, SimpleForm, useRecordContext } from 'react-admin';
import { RefundInputs } from './RefundInputs';
import { fenToYuanText, toRefundBody } from './yuan';

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
  <Edit redirect="show" mutationMode="pessimistic" transform={toRefundBody}>
    <Form />
  </Edit>
);
