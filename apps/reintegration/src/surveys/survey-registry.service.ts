import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Keeps survey responses in step with registration's merges and erasures. */
@Injectable()
export class SurveyRegistryService {
  /**
   * Re-points the duplicate's responses to the survivor; for a wave both answered, the survivor's
   * response stays and the duplicate's is dropped with its scores. Idempotent.
   */
  async onBeneficiaryMerged(
    em: EntityManager,
    merge: { duplicateId: string; survivorId: string },
  ): Promise<void> {
    await em.query(
      `DELETE FROM survey_response d
        WHERE d.beneficiary_id = $1
          AND EXISTS (SELECT 1 FROM survey_response s
                       WHERE s.beneficiary_id = $2 AND s.wave = d.wave)`,
      [merge.duplicateId, merge.survivorId],
    );
    await em.query('UPDATE survey_response SET beneficiary_id = $2 WHERE beneficiary_id = $1', [
      merge.duplicateId,
      merge.survivorId,
    ]);
  }

  /** The answers go (psychosocial items are sensitive); the scores, non-identifying, stay. */
  async onBeneficiaryErased(em: EntityManager, beneficiaryId: string): Promise<void> {
    await em.query(`UPDATE survey_response SET answers = '{}'::jsonb WHERE beneficiary_id = $1`, [
      beneficiaryId,
    ]);
  }
}
