import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Keeps project members in step with registration's merges. */
@Injectable()
export class MemberRegistryService {
  /**
   * Re-points the duplicate's memberships to the survivor; where both were members of one
   * project, the survivor's membership (and role) stays. Idempotent and order-independent.
   */
  async onBeneficiaryMerged(
    em: EntityManager,
    merge: { duplicateId: string; survivorId: string },
  ): Promise<void> {
    await em.query(
      `DELETE FROM project_member d
        WHERE d.beneficiary_id = $1
          AND EXISTS (SELECT 1 FROM project_member s
                       WHERE s.project_id = d.project_id AND s.beneficiary_id = $2)`,
      [merge.duplicateId, merge.survivorId],
    );
    await em.query('UPDATE project_member SET beneficiary_id = $2 WHERE beneficiary_id = $1', [
      merge.duplicateId,
      merge.survivorId,
    ]);
  }
}
