import { Inject, Injectable, Optional } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Principal } from '@mrm/auth';
import type { EntityManager } from 'typeorm';
import type { MatchElsewhereDto } from '../match-reviews/dto/match-review.dto';
import type { MatchReviewContext } from '../match-reviews/match-review-vocabulary';
import { MatchReviewsService } from '../match-reviews/match-reviews.service';
import { isVisibleTo } from './beneficiary-access';
import type { BeneficiaryDraft } from './beneficiary-input';
import { BeneficiaryError } from './beneficiary.errors';
import {
  DUPLICATE_DETECTOR,
  type DuplicateCandidate,
  type DuplicateCheckInput,
  type DuplicateDetector,
} from './duplicate-detector';

/**
 * Runs the duplicate detector of duplicates/ (when one is bound to DUPLICATE_DETECTOR) before the
 * create's write, and turns its candidates into 409 `PROBABLE_DUPLICATE`. Candidates of another
 * institution are never shown: the answer says only that the person is probably registered
 * elsewhere, and a review opens for a coordinator (match-reviews/).
 */
@Injectable()
export class DuplicateGate {
  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly matchReviews: MatchReviewsService,
    @Optional() @Inject(DUPLICATE_DETECTOR) private detector?: DuplicateDetector | null,
  ) {}

  /** Throws 409 with the candidates unless overridden; returns the overridden candidates. */
  async check(input: {
    draft: BeneficiaryDraft;
    principal: Principal;
    override?: { reason: string };
    /** Where the check runs, for the review of a cross-institution match (default `create`). */
    context?: MatchReviewContext;
    reason?: string | null;
  }): Promise<DuplicateCandidate[]> {
    const { principal } = input;
    const detector = this.duplicateDetector();
    const checked = checkInputOf(input.draft);
    if (!detector || !checked) return [];
    const { candidates, elsewhere } = await this.matchReviews.withinBudget(
      principal,
      async (em): Promise<{ candidates: DuplicateCandidate[]; elsewhere?: MatchElsewhereDto }> => {
        const found = await detector.check(em, checked, principal);
        if (found.length === 0 || input.override) return { candidates: found };
        const theirs = found.filter((candidate) => !isVisibleTo(principal, candidate.ownerOrg));
        if (theirs.length === 0) return { candidates: found };
        const answer = await this.matchReviews.open(em, {
          principal,
          context: input.context ?? 'create',
          matches: theirs,
          reason: input.reason,
        });
        return { candidates: found, elsewhere: answer };
      },
    );
    if (candidates.length === 0 || input.override) return candidates;
    const visible = candidates.filter((candidate) => isVisibleTo(principal, candidate.ownerOrg));
    // Thrown once the review is committed: the answer it gave counts against the budget.
    throw probableDuplicate(visible, elsewhere);
  }

  /** Hands the overridden candidates of a new record to the review queue (same transaction). */
  async queueForReview(input: {
    em: EntityManager;
    beneficiaryId: string;
    candidates: readonly DuplicateCandidate[];
    principal: Principal;
  }): Promise<void> {
    const { em, candidates, ...rest } = input;
    if (candidates.length === 0) return;
    await this.duplicateDetector()?.queueForReview?.(em, { ...rest, candidates });
  }

  // duplicates/ may register its detector in its own module; look it up across modules once.
  private duplicateDetector(): DuplicateDetector | undefined {
    if (this.detector === undefined) {
      try {
        this.detector = this.moduleRef.get<DuplicateDetector>(DUPLICATE_DETECTOR, {
          strict: false,
        });
      } catch {
        this.detector = null;
      }
    }
    return this.detector ?? undefined;
  }
}

/** What the detector compares; undefined without names (nothing to compare). */
export function checkInputOf(draft: BeneficiaryDraft): DuplicateCheckInput | undefined {
  const { names, phone, documents } = draft.personal;
  if (!names) return undefined;
  return {
    names,
    birthYear: draft.birthYear,
    birthYearEstimated: draft.birthYearEstimated,
    nationality: draft.nationality,
    ...(phone ? { phone } : {}),
    documents,
  };
}

/**
 * 409 `PROBABLE_DUPLICATE` with the ids, references and reasons of the caller's own candidates,
 * and `elsewhere` (no id, no reference, no match code) when another institution's record matched.
 */
function probableDuplicate(
  candidates: readonly DuplicateCandidate[],
  elsewhere: MatchElsewhereDto | undefined,
): Error {
  const error = new BeneficiaryError('PROBABLE_DUPLICATE', {
    detail:
      'Check the candidates; to register anyway, repeat the request with duplicateOverride.reason',
  });
  // Ids, references and reasons only: never another institution's personal data.
  return Object.assign(error, {
    problemExtensions: {
      candidates: candidates.map(({ id, reference, reasons }) => ({
        id,
        reference,
        reasons: [...reasons],
      })),
      ...(elsewhere ? { elsewhere } : {}),
    },
  });
}
