import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TrainingCompletionsService } from './training-completions.service';

// What an erased person's plans keep: the assistance planned (statistics), not their needs.
const EMPTY_ASSESSMENT = JSON.stringify({
  economicNeeds: [],
  socialNeeds: [],
  psychosocialNeeds: [],
  skills: [],
  vulnerabilities: [],
});

/** Keeps plans, and the trainings they show, in step with registration's merges and erasures. */
@Injectable()
export class PlanRegistryService {
  constructor(private readonly completions: TrainingCompletionsService) {}

  async onBeneficiaryMerged(
    em: EntityManager,
    merge: { duplicateId: string; survivorId: string },
  ): Promise<void> {
    await em.query('UPDATE plan SET beneficiary_id = $2 WHERE beneficiary_id = $1', [
      merge.duplicateId,
      merge.survivorId,
    ]);
    await this.completions.onBeneficiaryMerged(em, merge);
  }

  /** Blanks the assessment and objectives of every revision; idempotent. */
  async onBeneficiaryErased(em: EntityManager, beneficiaryId: string): Promise<void> {
    await em.query(
      `UPDATE plan_revision SET assessment = $2::jsonb, objectives = '{}'
        WHERE plan_id IN (SELECT id FROM plan WHERE beneficiary_id = $1)`,
      [beneficiaryId, EMPTY_ASSESSMENT],
    );
    await em.query(
      `UPDATE plan SET assessment = $2::jsonb, objectives = '{}' WHERE beneficiary_id = $1`,
      [beneficiaryId, EMPTY_ASSESSMENT],
    );
    await this.completions.onBeneficiaryErased(em, beneficiaryId);
  }
}
