import { USER_READ_ONLY, userInputSchema, userLinkProblems, version, withReadOnly } from '../../domain';
import { zodResolver } from '../common/zodResolver';

type Values = Parameters<typeof userLinkProblems>[0];
const problems = (v: Values) =>
  Object.fromEntries(Object.keys(userLinkProblems(v)).map((f) => [f, 'app.validation.required']));

export const createUserResolver = zodResolver<Values>(userInputSchema.required({ password: true }), problems);
export const editUserResolver = zodResolver<Values>(
  withReadOnly(userInputSchema.extend({ version }), USER_READ_ONLY),
  problems,
);
