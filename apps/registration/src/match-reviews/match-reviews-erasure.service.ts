import { Injectable } from '@nestjs/common';
import type { BeneficiaryErasedV1 } from '@mrm/contracts';
import type { EntityManager } from 'typeorm';

/**
 * Reviews of a match with an erased record: open ones close (nothing left to reconcile), and the
 * coordinators' free-text notes, which may name the person, are replaced. The ids stay: they are
 * pseudonymous and the audit log refers to them.
 */
@Injectable()
export class MatchReviewsErasureService {
  async onErased(em: EntityManager, erased: BeneficiaryErasedV1): Promise<void> {
    await em.query(
      `UPDATE match_review
          SET status = 'resolved',
              resolved_by = coalesce(resolved_by, 'system:erasure'),
              resolved_at = coalesce(resolved_at, $2),
              resolution_note = 'record erased'
        WHERE $1 = ANY(matched_ids)`,
      [erased.beneficiaryId, erased.erasedAt],
    );
  }
}
