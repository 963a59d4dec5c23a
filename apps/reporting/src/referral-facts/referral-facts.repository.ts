import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TableNames } from '../projections/fact-tables';

/** What a batch knows of a referral: its newest version's status, the measures known so far. */
export interface ReferralFactRow {
  readonly referralId: string;
  readonly beneficiaryId: string;
  readonly referringOrg: string;
  receivingOrg: string;
  serviceType: string;
  priority: string;
  status: string;
  version: number;
  requestedAt: string | null;
  secondsToAcknowledge: number | null;
  secondsToAnswer: number | null;
  answeredWithinDeadline: boolean | null;
  outcomeReported: boolean;
  accepted: boolean;
  escalatedAt: string | null;
}

/**
 * Writes a batch of referral facts in one statement, one row per referral (folded by the
 * projector); the conflict rules are a single event's, so a batch leaves what its events applied
 * one by one would.
 */
@Injectable()
export class ReferralFactsRepository {
  async upsert(
    em: EntityManager,
    tables: TableNames,
    rows: readonly ReferralFactRow[],
  ): Promise<void> {
    if (rows.length === 0) return;
    const newer = 'fact.version < EXCLUDED.version';
    await em.query(
      `INSERT INTO ${tables('referral_fact')} AS fact
         (referral_id, beneficiary_id, referring_org, receiving_org, service_type, priority, status,
          version, requested_at, seconds_to_acknowledge, seconds_to_answer, answered_within_deadline,
          outcome_reported, accepted, escalated_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[],
                            $7::text[], $8::int[], $9::timestamptz[], $10::int[], $11::int[],
                            $12::boolean[], $13::boolean[], $14::boolean[], $15::timestamptz[])
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
        rows.map((row) => row.referralId),
        rows.map((row) => row.beneficiaryId),
        rows.map((row) => row.referringOrg),
        rows.map((row) => row.receivingOrg),
        rows.map((row) => row.serviceType),
        rows.map((row) => row.priority),
        rows.map((row) => row.status),
        rows.map((row) => row.version),
        rows.map((row) => row.requestedAt),
        rows.map((row) => row.secondsToAcknowledge),
        rows.map((row) => row.secondsToAnswer),
        rows.map((row) => row.answeredWithinDeadline),
        rows.map((row) => row.outcomeReported),
        rows.map((row) => row.accepted),
        rows.map((row) => row.escalatedAt),
      ],
    );
  }
}
