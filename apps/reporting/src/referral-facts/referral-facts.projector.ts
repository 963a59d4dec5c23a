import { Injectable } from '@nestjs/common';
import {
  referralAcceptedV1,
  referralBusinessStatusChangedV1,
  referralCancelledV1,
  referralCompletedV1,
  referralFailedV1,
  referralOverdueV1,
  referralReceivedV1,
  referralRedirectedV1,
  referralRejectedV1,
  referralRequestedV1,
  referralStartedV1,
  referralSuspendedV1,
  type EventEnvelope,
  type ReferralFactsV1,
  type ReferralOverdueV1,
} from '@mrm/contracts';
import type { EntityManager } from 'typeorm';
import { LIVE_TABLES, type ProjectionOptions, type TableNames } from '../projections/fact-tables';
import { ROLLUPS } from '../rollups/rollup-definitions';
import { RollupRepository } from '../rollups/rollup.repository';

/** Referral events: every one carries the referral's facts so far (ReferralFactsV1). */
export const REFERRAL_FACT_EVENTS = [
  referralRequestedV1,
  referralReceivedV1,
  referralAcceptedV1,
  referralRejectedV1,
  referralRedirectedV1,
  referralStartedV1,
  referralCompletedV1,
  referralFailedV1,
  referralCancelledV1,
  referralSuspendedV1,
  referralBusinessStatusChangedV1,
  referralOverdueV1,
];

// Statuses only reachable through an acceptance.
const ACCEPTED_STATUSES = new Set(['accepted', 'in-progress', 'completed', 'failed']);

/**
 * Applies referral events to `referral_fact` (and their difference to `referral_rollup`). Status and facts follow the highest referral
 * version; the measures, once known, are never lost to an older event; "was accepted" and the
 * first escalation are sticky. Same rows whatever the delivery order.
 */
@Injectable()
export class ReferralFactsProjector {
  constructor(private readonly rollups: RollupRepository) {}

  async apply(
    em: EntityManager,
    events: ReadonlyArray<EventEnvelope>,
    tables: TableNames = LIVE_TABLES,
    options: ProjectionOptions = { maintainRollups: true },
  ): Promise<void> {
    const projected = events.filter((event) =>
      REFERRAL_FACT_EVENTS.some((definition) => definition.type === event.type),
    );
    const ids = options.maintainRollups
      ? [...new Set(projected.map((event) => (event.data as ReferralFactsV1).referralId))]
      : [];
    await this.rollups.tracking(em, tables, ROLLUPS.referrals, ids, () =>
      this.applyFacts(em, projected, tables),
    );
  }

  private async applyFacts(
    em: EntityManager,
    events: ReadonlyArray<EventEnvelope>,
    tables: TableNames,
  ): Promise<void> {
    for (const event of events) {
      const data = event.data as ReferralFactsV1;
      const escalatedAt =
        event.type === referralOverdueV1.type ? (event.data as ReferralOverdueV1).occurredAt : null;
      await this.upsert(em, tables, data, escalatedAt);
    }
  }

  private async upsert(
    em: EntityManager,
    tables: TableNames,
    data: ReferralFactsV1,
    escalatedAt: string | null,
  ): Promise<void> {
    const newer = 'fact.version < EXCLUDED.version';
    await em.query(
      `INSERT INTO ${tables('referral_fact')} AS fact
         (referral_id, beneficiary_id, referring_org, receiving_org, service_type, priority, status,
          version, requested_at, seconds_to_acknowledge, seconds_to_answer, answered_within_deadline,
          outcome_reported, accepted, escalated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
       ON CONFLICT (referral_id) DO UPDATE SET
         receiving_org = CASE WHEN ${newer} THEN EXCLUDED.receiving_org ELSE fact.receiving_org END,
         service_type = CASE WHEN ${newer} THEN EXCLUDED.service_type ELSE fact.service_type END,
         priority = CASE WHEN ${newer} THEN EXCLUDED.priority ELSE fact.priority END,
         status = CASE WHEN ${newer} THEN EXCLUDED.status ELSE fact.status END,
         version = greatest(fact.version, EXCLUDED.version),
         requested_at = coalesce(fact.requested_at, EXCLUDED.requested_at),
         seconds_to_acknowledge = coalesce(fact.seconds_to_acknowledge, EXCLUDED.seconds_to_acknowledge),
         seconds_to_answer = coalesce(fact.seconds_to_answer, EXCLUDED.seconds_to_answer),
         answered_within_deadline = coalesce(fact.answered_within_deadline, EXCLUDED.answered_within_deadline),
         outcome_reported = fact.outcome_reported OR EXCLUDED.outcome_reported,
         accepted = fact.accepted OR EXCLUDED.accepted,
         escalated_at = least(fact.escalated_at, EXCLUDED.escalated_at)`,
      [
        data.referralId,
        data.beneficiaryId,
        data.referringOrg,
        data.receivingOrg,
        data.serviceType,
        data.priority,
        data.status,
        data.version,
        data.requestedAt ?? null,
        data.secondsToAcknowledge ?? null,
        data.secondsToAnswer ?? null,
        data.answeredWithinDeadline ?? null,
        data.outcomeReported,
        ACCEPTED_STATUSES.has(data.status),
        escalatedAt,
      ],
    );
  }
}
