import { BUDGET_LEVELS, UNIT_KINDS } from '../../domain/master-data';

export const budgetLevelChoices = BUDGET_LEVELS.map((id) => ({ id, name: `app.budget_levels.${id}` }));
export const unitKindChoices = UNIT_KINDS.map((id) => ({ id, name: `app.unit_kinds.${id}` }));
