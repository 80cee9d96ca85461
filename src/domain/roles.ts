// Roles per DOMAIN.md §1. The code is the stored value; labels live in the SPA's i18n files.
export const ROLES = ['admin', 'finance', 'police', 'dept', 'treasury', 'bank', 'unit', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** The caller as every permission and scope decision sees it. */
export interface Actor {
  id: number;
  username: string;
  role: Role;
  /** Region code: province `63`, city `6301`, county `630102`; a code's subtree shares its prefix. */
  regionCode: string;
  unitId: number | null;
  bankId: string | null;
  departmentId: number | null;
}

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/** True when `regionCode` lies inside the region `scope` (a region contains itself). */
export const regionContains = (scope: string, regionCode: string): boolean => regionCode.startsWith(scope);
