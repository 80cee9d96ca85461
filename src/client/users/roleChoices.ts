import { ROLES } from '../../domain/roles';

export const roleChoices = ROLES.map((id) => ({ id, name: `app.roles.${id}` }));
