import { Injectable } from '@nestjs/common';
import {
  enrolmentCompletedV1,
  enrolmentCreatedV1,
  enrolmentPromotedV1,
  enrolmentWithdrawnV1,
  satisfactionRecordedV1,
  type EnrolmentCompletedV1,
  type EnrolmentWithdrawnV1,
  type EventEnvelope,
  type ParticipantDimensions,
  type SatisfactionRecordedV1,
} from '@mrm/contracts';
import type { EntityManager } from 'typeorm';
import { LIVE_TABLES, type ProjectionOptions, type TableNames } from '../projections/fact-tables';
import { DistinctRollupRepository } from '../rollups/distinct-rollup.repository';
import { PEOPLE_TRAINED, ROLLUPS } from '../rollups/rollup-definitions';
import { RollupRepository } from '../rollups/rollup.repository';

/** Training events that shape the enrolment and satisfaction facts. */
export const TRAINING_FACT_EVENTS = [
  enrolmentCreatedV1,
  enrolmentPromotedV1,
  enrolmentWithdrawnV1,
  enrolmentCompletedV1,
  satisfactionRecordedV1,
];

const ENROLMENT_EVENTS = new Set([
  enrolmentCreatedV1.type,
  enrolmentPromotedV1.type,
  enrolmentWithdrawnV1.type,
  enrolmentCompletedV1.type,
]);

/**
 * Applies training events to `enrolment_fact` (and their difference to `enrolment_rollup` and
 * `people_trained_rollup`) and
 * `satisfaction_fact`. Every enrolment event
 * carries the participant's dimensions (as of enrolment), so any of them creates the row; the
 * outcome and the withdrawal are terminal and kept whatever the order they arrive in.
 */
@Injectable()
export class TrainingFactsProjector {
  constructor(
    private readonly rollups: RollupRepository,
    private readonly distinctRollups: DistinctRollupRepository,
  ) {}

  async apply(
    em: EntityManager,
    events: ReadonlyArray<EventEnvelope>,
    tables: TableNames = LIVE_TABLES,
    options: ProjectionOptions = { maintainRollups: true },
  ): Promise<void> {
    const enrolments = options.maintainRollups
      ? events
          .filter((event) => ENROLMENT_EVENTS.has(event.type))
          .map((event) => event.data as ParticipantDimensions)
      : [];
    const ids = [...new Set(enrolments.map((data) => data.enrolmentId))];
    const people = [
      ...new Set(enrolments.flatMap((data) => [data.enrolmentId, data.beneficiaryId ?? []].flat())),
    ];
    await this.rollups.tracking(em, tables, ROLLUPS.enrolments, ids, () =>
      this.distinctRollups.tracking(em, tables, PEOPLE_TRAINED, people, () =>
        this.applyFacts(em, events, tables),
      ),
    );
  }

  private async applyFacts(
    em: EntityManager,
    events: ReadonlyArray<EventEnvelope>,
    tables: TableNames,
  ): Promise<void> {
    for (const event of events) {
      switch (event.type) {
        case enrolmentCreatedV1.type:
        case enrolmentPromotedV1.type:
          await this.upsertEnrolment(em, tables, event.data as ParticipantDimensions, {});
          break;
        case enrolmentWithdrawnV1.type: {
          const data = event.data as EnrolmentWithdrawnV1;
          await this.upsertEnrolment(em, tables, data, { withdrawnAt: data.withdrawnAt });
          break;
        }
        case enrolmentCompletedV1.type: {
          const data = event.data as EnrolmentCompletedV1;
          // The completion event has no time of its own: the envelope's is when the course ended.
          await this.upsertEnrolment(em, tables, data, {
            outcome: data.outcome,
            endedAt: event.time,
          });
          break;
        }
        case satisfactionRecordedV1.type:
          await this.insertSatisfaction(
            em,
            tables,
            event.data as SatisfactionRecordedV1,
            event.time,
          );
          break;
        default:
          break;
      }
    }
  }

  private async upsertEnrolment(
    em: EntityManager,
    tables: TableNames,
    data: ParticipantDimensions,
    end: { outcome?: string; endedAt?: string; withdrawnAt?: string },
  ): Promise<void> {
    await em.query(
      `INSERT INTO ${tables('enrolment_fact')} AS fact
         (enrolment_id, beneficiary_id, course_id, course_kind, programme_code, organising_org,
          region_code, category, sex, birth_year, outcome, ended_at, withdrawn_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (enrolment_id) DO UPDATE SET
         beneficiary_id = coalesce(fact.beneficiary_id, EXCLUDED.beneficiary_id),
         outcome = coalesce(fact.outcome, EXCLUDED.outcome),
         ended_at = coalesce(fact.ended_at, EXCLUDED.ended_at),
         withdrawn_at = coalesce(fact.withdrawn_at, EXCLUDED.withdrawn_at)`,
      [
        data.enrolmentId,
        data.beneficiaryId ?? null,
        data.courseId,
        data.courseKind,
        data.programmeCode,
        data.organisingOrg,
        data.regionCode,
        data.category,
        data.sex,
        data.birthYear,
        end.outcome ?? null,
        end.endedAt ?? null,
        end.withdrawnAt ?? null,
      ],
    );
  }

  private async insertSatisfaction(
    em: EntityManager,
    tables: TableNames,
    data: SatisfactionRecordedV1,
    recordedAt: string,
  ): Promise<void> {
    await em.query(
      `INSERT INTO ${tables('satisfaction_fact')}
         (response_id, course_id, course_kind, programme_code, organising_org, region_code, overall,
          recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (response_id) DO NOTHING`,
      [
        data.responseId,
        data.courseId,
        data.courseKind,
        data.programmeCode,
        data.organisingOrg,
        data.regionCode,
        data.overall,
        recordedAt,
      ],
    );
  }
}
