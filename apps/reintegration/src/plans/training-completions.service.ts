import { Injectable } from '@nestjs/common';
import type { EnrolmentCompletedV1 } from '@mrm/contracts';
import type { EntityManager } from 'typeorm';

/** A training the person completed, as a plan shows it. */
export interface TrainingCompletion {
  readonly enrolmentId: string;
  readonly beneficiaryId: string;
  readonly courseId: string;
  readonly courseKind: string;
  readonly programmeCode: string;
  readonly organisingOrg: string;
  readonly hoursAttended: string;
  readonly completedAt: Date;
}

const COLUMNS = `enrolment_id AS "enrolmentId", beneficiary_id AS "beneficiaryId",
  course_id AS "courseId", course_kind AS "courseKind", programme_code AS "programmeCode",
  organising_org AS "organisingOrg", hours_attended::text AS "hoursAttended",
  completed_at AS "completedAt"`;

/**
 * The trainings people completed, from training's `enrolment.completed.v1`: what a plan shows
 * (an entrepreneurship training before a business grant, say). Only completions are kept.
 */
@Injectable()
export class TrainingCompletionsService {
  /**
   * Keeps a completed enrolment once (keyed by training's enrolment id), under the surviving
   * record when the person was merged meanwhile. Anything else changes nothing.
   */
  async record(
    em: EntityManager,
    event: { data: EnrolmentCompletedV1; time: string },
  ): Promise<void> {
    const { data } = event;
    if (data.outcome !== 'completed' || !data.beneficiaryId) return;
    await em.query(
      `INSERT INTO training_completion (enrolment_id, beneficiary_id, course_id, course_kind,
                                        programme_code, organising_org, hours_attended,
                                        sessions_attended, sessions_held, completed_at)
       SELECT $1, COALESCE(r.merged_into, $2::uuid), $3, $4, $5, $6, $7::numeric, $8, $9, $10
         FROM (SELECT $2::uuid AS id) AS person
         LEFT JOIN roster_beneficiary r ON r.beneficiary_id = person.id
        WHERE r.erased_at IS NULL
       ON CONFLICT (enrolment_id) DO NOTHING`,
      [
        data.enrolmentId,
        data.beneficiaryId,
        data.courseId,
        data.courseKind,
        data.programmeCode,
        data.organisingOrg,
        data.hoursAttended,
        data.sessionsAttended,
        data.sessionsHeld,
        event.time,
      ],
    );
  }

  /** The completions of these people, oldest first. */
  async of(em: EntityManager, beneficiaryIds: readonly string[]): Promise<TrainingCompletion[]> {
    if (beneficiaryIds.length === 0) return [];
    return em.query(
      `SELECT ${COLUMNS} FROM training_completion WHERE beneficiary_id = ANY($1::uuid[])
        ORDER BY completed_at, enrolment_id`,
      [[...new Set(beneficiaryIds)]],
    );
  }

  async onBeneficiaryMerged(
    em: EntityManager,
    merge: { duplicateId: string; survivorId: string },
  ): Promise<void> {
    await em.query('UPDATE training_completion SET beneficiary_id = $2 WHERE beneficiary_id = $1', [
      merge.duplicateId,
      merge.survivorId,
    ]);
  }

  /** Reintegration keeps nothing of an erased person's trainings (training keeps the counts). */
  async onBeneficiaryErased(em: EntityManager, beneficiaryId: string): Promise<void> {
    await em.query('DELETE FROM training_completion WHERE beneficiary_id = $1', [beneficiaryId]);
  }
}
