import { Injectable } from '@nestjs/common';
import type { BeneficiaryErasedV1 } from '@mrm/contracts';
import type { EntityManager } from 'typeorm';

/**
 * Open review entries that involve an erased record can no longer be merged: close them. The
 * free-text reasons of every entry of the record, which a reviewer may have written the person's
 * details into ("same passport as Fatima B."), are replaced.
 */
@Injectable()
export class DuplicateQueueErasureService {
  async onErased(em: EntityManager, erased: BeneficiaryErasedV1): Promise<void> {
    await em.query(
      `UPDATE duplicate_candidate
          SET status = 'dismissed', resolved_by = 'system:erasure', resolved_at = $2,
              resolution_reason = 'record erased'
        WHERE status = 'open' AND (beneficiary_id = $1 OR candidate_id = $1)`,
      [erased.beneficiaryId, erased.erasedAt],
    );
    await em.query(
      `UPDATE duplicate_candidate SET resolution_reason = 'record erased'
        WHERE (beneficiary_id = $1 OR candidate_id = $1)
          AND resolution_reason IS DISTINCT FROM 'record erased'`,
      [erased.beneficiaryId],
    );
  }
}
