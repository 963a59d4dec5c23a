import {
  AuthError,
  AuthErrorCode,
  canReadPersonalData,
  canSeeAllPersonalFiles,
  type Principal,
} from '@mrm/auth';
import type { EntityManager } from 'typeorm';
import { BeneficiaryEntity } from './beneficiary.entity';
import { BeneficiaryError } from './beneficiary.errors';

/** Analysts and auditors work on aggregates and on the audit log, never on a person's file. */
export function assertMayReadPersonalData(principal: Principal): void {
  if (!canReadPersonalData(principal)) {
    throw new AuthError(AuthErrorCode.AUTH_FORBIDDEN, {
      detail: 'This role has no access to personal data',
    });
  }
}

/** Case workers see their institution's records; national roles see all. */
export function isVisibleTo(principal: Principal, ownerOrg: string): boolean {
  return canSeeAllPersonalFiles(principal) || principal.org === ownerOrg;
}

/**
 * Loads a record the principal may see, optionally locked for update. Another institution's
 * record answers 404 like a missing one, so that its existence is not revealed.
 */
export async function loadVisible(input: {
  em: EntityManager;
  principal: Principal;
  beneficiaryId: string;
  lock?: boolean;
}): Promise<BeneficiaryEntity> {
  assertMayReadPersonalData(input.principal);
  const entity = await input.em.findOne(BeneficiaryEntity, {
    where: { id: input.beneficiaryId },
    ...(input.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!entity || !isVisibleTo(input.principal, entity.ownerOrg)) {
    throw new BeneficiaryError('BENEFICIARY_NOT_FOUND');
  }
  return entity;
}

/** Refuses changes to records that can no longer change. */
export function assertMutable(
  entity: BeneficiaryEntity,
  options: { allowClosed?: boolean } = {},
): void {
  if (entity.erasedAt) throw new BeneficiaryError('BENEFICIARY_ERASED');
  if (entity.mergedInto) throw new BeneficiaryError('BENEFICIARY_MERGED');
  if (entity.status === 'closed' && !options.allowClosed) {
    throw new BeneficiaryError('BENEFICIARY_CLOSED');
  }
}
