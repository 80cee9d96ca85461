import {
  BILLING_CODE_READ_ONLY,
  billingCodeInputSchema,
  billingCodeProblems,
  version,
  withReadOnly,
} from '../../domain';
import { zodResolver } from '../common/zodResolver';

type Values = { effectiveFrom: string; effectiveTo?: string | null };
const problems = (v: Values): Record<string, string> =>
  Object.keys(billingCodeProblems(v)).length ? { effectiveTo: 'app.validation.date_order' } : {};

export const createBillingCodeResolver = zodResolver<Values>(billingCodeInputSchema, problems);
export const editBillingCodeResolver = zodResolver<Values>(
  withReadOnly(billingCodeInputSchema.extend({ version }), BILLING_CODE_READ_ONLY),
  problems,
);
