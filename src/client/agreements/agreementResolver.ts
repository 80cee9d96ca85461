import {
  AGREEMENT_READ_ONLY,
  agreementInputProblems,
  agreementInputSchema,
  version,
  withReadOnly,
} from '../../domain';
import { zodResolver } from '../common/zodResolver';

type Values = { signedOn: string; effectiveFrom: string; effectiveTo?: string | null };

const PROBLEM_KEYS: Record<string, string> = {
  effectiveTo: 'app.validation.date_order',
  effectiveFrom: 'app.validation.effective_before_signed',
};
const problems = (values: Values) =>
  Object.fromEntries(
    Object.keys(agreementInputProblems(values)).map((field) => [field, PROBLEM_KEYS[field]]),
  );

// The same schemas the server validates with: create is strict, edit accepts what GET returned.
export const createResolver = zodResolver<Values>(agreementInputSchema, problems);
export const editResolver = zodResolver<Values>(
  withReadOnly(agreementInputSchema.extend({ version }), [...AGREEMENT_READ_ONLY, 'id']),
  problems,
);
