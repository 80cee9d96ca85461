import { Edit, required, SaveButton, SimpleForm, TextInput, Toolbar } from 'react-admin';

export const RegionEdit = () => (
  <Edit
    mutationMode="pessimistic"
    redirect="list"
    transform={({ name, nameEn, version }) => ({ name, nameEn, version })}
  >
    <SimpleForm
      toolbar={
        <Toolbar>
          <SaveButton />
        </Toolbar>
      }
    >
      <TextInput source="code" disabled />
      <TextInput source="name" validate={required()} />
      <TextInput source="nameEn" validate={required()} />
    </SimpleForm>
  </Edit>
);
