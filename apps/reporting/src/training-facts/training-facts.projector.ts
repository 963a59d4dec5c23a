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
import {
  TrainingFactsRepository,
  type EnrolmentFactRow,
  type SatisfactionFactRow,
} from './training-facts.repository';

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
 * `people_trained_rollup`) and `satisfaction_fact`. Every enrolment event carries the
 * participant's dimensions (as of enrolment), so any of them creates the row; the outcome and the
 * withdrawal are terminal and kept whatever the order they arrive in. A batch is folded into one
 * row per enrolment by those rules, then each table is written in one statement.
 */
@Injectable()
export class TrainingFactsProjector {
  constructor(
    private readonly rollups: RollupRepository,
    private readonly distinctRollups: DistinctRollupRepository,
    private readonly facts: TrainingFactsRepository,
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
    const enrolments = new Map<string, EnrolmentFactRow>();
    const satisfactions = new Map<string, SatisfactionFactRow>();
    for (const event of events) {
      switch (event.type) {
        case enrolmentCreatedV1.type:
        case enrolmentPromotedV1.type:
          enrolmentOf(enrolments, event.data as ParticipantDimensions);
          break;
        case enrolmentWithdrawnV1.type: {
          const data = event.data as EnrolmentWithdrawnV1;
          const enrolment = enrolmentOf(enrolments, data);
          enrolment.withdrawnAt ??= data.withdrawnAt;
          break;
        }
        case enrolmentCompletedV1.type: {
          const data = event.data as EnrolmentCompletedV1;
          const enrolment = enrolmentOf(enrolments, data);
          enrolment.outcome ??= data.outcome;
          // The completion event has no time of its own: the envelope's is when the course ended.
          enrolment.endedAt ??= event.time;
          break;
        }
        case satisfactionRecordedV1.type: {
          const data = event.data as SatisfactionRecordedV1;
          if (!satisfactions.has(data.responseId)) {
            satisfactions.set(data.responseId, {
              responseId: data.responseId,
              courseId: data.courseId,
              courseKind: data.courseKind,
              programmeCode: data.programmeCode,
              organisingOrg: data.organisingOrg,
              regionCode: data.regionCode,
              overall: data.overall,
              recordedAt: event.time,
            });
          }
          break;
        }
        default:
          break;
      }
    }
    await this.facts.upsertEnrolments(em, tables, [...enrolments.values()]);
    await this.facts.insertSatisfactions(em, tables, [...satisfactions.values()]);
  }
}

/**
 * The batch's row of an enrolment: created from its first event (whose dimensions the row keeps,
 * as its insert did), the beneficiary taken from the first event that names one.
 */
function enrolmentOf(
  enrolments: Map<string, EnrolmentFactRow>,
  data: ParticipantDimensions,
): EnrolmentFactRow {
  let enrolment = enrolments.get(data.enrolmentId);
  if (enrolment === undefined) {
    enrolment = {
      enrolmentId: data.enrolmentId,
      beneficiaryId: null,
      courseId: data.courseId,
      courseKind: data.courseKind,
      programmeCode: data.programmeCode,
      organisingOrg: data.organisingOrg,
      regionCode: data.regionCode,
      category: data.category,
      sex: data.sex,
      birthYear: data.birthYear,
      outcome: null,
      endedAt: null,
      withdrawnAt: null,
    };
    enrolments.set(data.enrolmentId, enrolment);
  }
  enrolment.beneficiaryId ??= data.beneficiaryId ?? null;
  return enrolment;
}
