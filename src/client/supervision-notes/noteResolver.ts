import {
  SUPERVISION_NOTE_READ_ONLY,
  supervisionNoteInputSchema,
  supervisionNoteProblems,
  version,
  withReadOnly,
} from '../../domain';
import { zodResolver } from '../common/zodResolver';

type Values = { periodStart: string; periodEnd: string };
const problems = (v: Values): Record<string, string> =>
  Object.keys(supervisionNoteProblems(v)).length ? { periodEnd: 'app.validation.date_order' } : {};

export const createNoteResolver = zodResolver<Values>(supervisionNoteInputSchema, problems);
export const editNoteResolver = zodResolver<Values>(
  withReadOnly(supervisionNoteInputSchema.extend({ version }), [...SUPERVISION_NOTE_READ_ONLY, 'version']),
  problems,
);
