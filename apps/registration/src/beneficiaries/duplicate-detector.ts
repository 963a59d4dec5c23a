import type { Principal } from '@mrm/auth';
import type { EntityManager } from 'typeorm';
import type { BeneficiaryNames, IdentityDocument } from './beneficiary-identity';

/** A record that may be the same person; never carries another institution's personal data. */
export interface DuplicateCandidate {
  readonly id: string;
  readonly reference: string;
  /** The institution that registered it: another one's candidates are never shown to the caller. */
  readonly ownerOrg: string;
  /** Why it matched, e.g. `document`, `phone`, `name+birth-year+nationality`. */
  readonly reasons: readonly string[];
}

export interface DuplicateCheckInput {
  readonly names: BeneficiaryNames;
  readonly birthYear: number;
  /** True when the birth year is an estimate (widen the year window). */
  readonly birthYearEstimated?: boolean;
  readonly nationality: string;
  readonly phone?: string;
  readonly documents: readonly IdentityDocument[];
}

/**
 * Implemented by duplicates/ and bound to {@link DUPLICATE_DETECTOR}. Create calls it before its
 * transaction; any candidate answers 409 `PROBABLE_DUPLICATE` unless the caller overrides with a
 * reason.
 */
export interface DuplicateDetector {
  check(
    em: EntityManager,
    input: DuplicateCheckInput,
    principal: Principal,
  ): Promise<DuplicateCandidate[]>;

  /**
   * Queues the candidates a caller overrode, paired with the new record, for review by
   * duplicates/; called by create in its transaction, once the record is written.
   */
  queueForReview?(
    em: EntityManager,
    input: {
      beneficiaryId: string;
      candidates: readonly DuplicateCandidate[];
      principal: Principal;
    },
  ): Promise<void>;
}

export const DUPLICATE_DETECTOR = Symbol('DUPLICATE_DETECTOR');
