import { and, eq, ne } from 'drizzle-orm';
import { type BillingCodeInput, periodsOverlap } from '../../domain';
import type { Tx } from '../audit/log';
import type { Db } from '../db/client';
import { billingCodes, budgetSubjects } from '../db/schema';
import { EXCLUSION_VIOLATION, pgErrorCode } from '../http/db-errors';
import { conflict } from '../http/errors';

export const projectCodeOf = (i: Pick<BillingCodeInput, 'departmentCode' | 'itemCode'>) =>
  `${i.departmentCode}${i.itemCode}`;

/** 409 naming the clash when the same project code is already valid on any day of this period. */
export async function assertNoOverlap(db: Db | Tx, input: BillingCodeInput, exceptId?: number) {
  const projectCode = projectCodeOf(input);
  const same = await db
    .select()
    .from(billingCodes)
    .where(
      and(eq(billingCodes.projectCode, projectCode), exceptId ? ne(billingCodes.id, exceptId) : undefined),
    );
  const clash = same.find((c) =>
    periodsOverlap(
      { from: c.effectiveFrom, to: c.effectiveTo },
      { from: input.effectiveFrom, to: input.effectiveTo },
    ),
  );
  if (clash)
    throw conflict(
      'billing_code_overlap',
      `Project code ${projectCode} is already valid from ${clash.effectiveFrom} to ${clash.effectiveTo ?? 'open end'} (id ${clash.id})`,
    );
}

/** Turns the database's exclusion-constraint refusal (a concurrent insert) into the same 409. */
export async function withOverlapGuard<T>(work: () => Promise<T>, projectCode: string): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (pgErrorCode(e) === EXCLUSION_VIOLATION)
      throw conflict(
        'billing_code_overlap',
        `Project code ${projectCode} overlaps an existing validity period`,
      );
    throw e;
  }
}

export async function subjectExists(db: Db | Tx, code: string) {
  const [row] = await db
    .select({ code: budgetSubjects.code })
    .from(budgetSubjects)
    .where(eq(budgetSubjects.code, code));
  return !!row;
}
