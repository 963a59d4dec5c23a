import { AuthError, AuthErrorCode } from './auth.errors';
import type { Principal, Role } from './principal';

// National roles: they oversee every institution's non-personal records and audit trails.
const CROSS_INSTITUTION_ROLES: readonly Role[] = ['admin', 'coordinator', 'auditor'];
// Roles that may open the personal file of any institution's beneficiary: the auditor oversees the
// audit trail of every institution but never unlocks a file, alone or beside another role.
const CROSS_INSTITUTION_PERSONAL_ROLES: readonly Role[] = ['admin', 'coordinator'];
// Roles that work on aggregates or on the audit trail, never on a person's file.
const NON_PERSONAL_DATA_ROLES: readonly Role[] = ['analyst', 'auditor'];

/**
 * True for admin, coordinator and auditor, who may see every institution's records that name no
 * person (courses, the audit trail). Records about a person use `canSeeAllPersonalFiles`.
 */
export function canSeeAllInstitutions(principal: Principal): boolean {
  return principal.roles.some((role) => CROSS_INSTITUTION_ROLES.includes(role));
}

/**
 * True for admin and coordinator only: the scope of records about a person in every service (a
 * beneficiary's file, plan, project, visit, referral). A case worker, project officer or referral
 * officer who is also an auditor still sees only the records of their own institution.
 */
export function canSeeAllPersonalFiles(principal: Principal): boolean {
  return principal.roles.some((role) => CROSS_INSTITUTION_PERSONAL_ROLES.includes(role));
}

/** False when the principal holds only analyst and/or auditor roles. */
export function canReadPersonalData(principal: Principal): boolean {
  return principal.roles.some((role) => !NON_PERSONAL_DATA_ROLES.includes(role));
}

/**
 * Guards a record about a person owned by `ownerOrg`.
 * @throws AuthError `AUTH_FORBIDDEN` unless the principal belongs to `ownerOrg` or can see all personal files.
 */
export function assertSameInstitution(principal: Principal, ownerOrg: string): void {
  if (principal.org !== ownerOrg && !canSeeAllPersonalFiles(principal)) {
    throw new AuthError(AuthErrorCode.AUTH_FORBIDDEN, {
      detail: 'The record belongs to another institution',
    });
  }
}
