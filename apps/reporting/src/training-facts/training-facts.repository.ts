import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TableNames } from '../projections/fact-tables';

/** What a batch knows of an enrolment: the dimensions of its first event, the first end seen. */
export interface EnrolmentFactRow {
  readonly enrolmentId: string;
  beneficiaryId: string | null;
  readonly courseId: string;
  readonly courseKind: string;
  readonly programmeCode: string;
  readonly organisingOrg: string;
  readonly regionCode: string;
  readonly category: string;
  readonly sex: string;
  readonly birthYear: number;
  outcome: string | null;
  endedAt: string | null;
  withdrawnAt: string | null;
}

export interface SatisfactionFactRow {
  readonly responseId: string;
  readonly courseId: string;
  readonly courseKind: string;
  readonly programmeCode: string;
  readonly organisingOrg: string;
  readonly regionCode: string;
  readonly overall: number;
  readonly recordedAt: string;
}

/**
 * Writes a batch of training facts, one statement per table, one row per key (folded by the
 * projector); the conflict rules are a single event's, so a batch leaves what its events applied
 * one by one would.
 */
@Injectable()
export class TrainingFactsRepository {
  async upsertEnrolments(
    em: EntityManager,
    tables: TableNames,
    rows: readonly EnrolmentFactRow[],
  ): Promise<void> {
    if (rows.length === 0) return;
    await em.query(
      `INSERT INTO ${tables('enrolment_fact')} AS fact
         (enrolment_id, beneficiary_id, course_id, course_kind, programme_code, organising_org,
          region_code, category, sex, birth_year, outcome, ended_at, withdrawn_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[],
                            $7::text[], $8::text[], $9::text[], $10::int[], $11::text[],
                            $12::timestamptz[], $13::timestamptz[])
       ON CONFLICT (enrolment_id) DO UPDATE SET
         beneficiary_id = coalesce(fact.beneficiary_id, EXCLUDED.beneficiary_id),
         outcome = coalesce(fact.outcome, EXCLUDED.outcome),
         ended_at = coalesce(fact.ended_at, EXCLUDED.ended_at),
         withdrawn_at = coalesce(fact.withdrawn_at, EXCLUDED.withdrawn_at)`,
      [
        rows.map((row) => row.enrolmentId),
        rows.map((row) => row.beneficiaryId),
        rows.map((row) => row.courseId),
        rows.map((row) => row.courseKind),
        rows.map((row) => row.programmeCode),
        rows.map((row) => row.organisingOrg),
        rows.map((row) => row.regionCode),
        rows.map((row) => row.category),
        rows.map((row) => row.sex),
        rows.map((row) => row.birthYear),
        rows.map((row) => row.outcome),
        rows.map((row) => row.endedAt),
        rows.map((row) => row.withdrawnAt),
      ],
    );
  }

  async insertSatisfactions(
    em: EntityManager,
    tables: TableNames,
    rows: readonly SatisfactionFactRow[],
  ): Promise<void> {
    if (rows.length === 0) return;
    await em.query(
      `INSERT INTO ${tables('satisfaction_fact')}
         (response_id, course_id, course_kind, programme_code, organising_org, region_code, overall,
          recorded_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[],
                            $7::int[], $8::timestamptz[])
       ON CONFLICT (response_id) DO NOTHING`,
      [
        rows.map((row) => row.responseId),
        rows.map((row) => row.courseId),
        rows.map((row) => row.courseKind),
        rows.map((row) => row.programmeCode),
        rows.map((row) => row.organisingOrg),
        rows.map((row) => row.regionCode),
        rows.map((row) => row.overall),
        rows.map((row) => row.recordedAt),
      ],
    );
  }
}
