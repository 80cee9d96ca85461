import { Create, required, SimpleForm, TextInput } from 'react-admin';

export const RegionCreate = () => (
  <Create redirect="list">
    <SimpleForm>
      <TextInput source="code" validate={required()} helperText="63 / 6301 / 630102" />
      <TextInput source="name" validate={required()} />
      <TextInput source="nameEn" validate={required()} />
    </SimpleForm>
  </Create>
);
