import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TableNames } from '../projections/fact-tables';

export interface PlanFactRow {
  readonly planId: string;
  readonly beneficiaryId: string;
  readonly ownerOrg: string;
  readonly revision: number;
  readonly onTime: boolean;
  readonly approvedAt: string;
}

/** What a batch knows of a project; `createdAt` is set when the batch holds its creation. */
export interface ProjectFactRow {
  readonly projectId: string;
  ownerOrg: string | null;
  kind: string | null;
  sector: string | null;
  regionCode: string | null;
  programmeCode: string | null;
  createdAt: string | null;
  legallyRegisteredAt: string | null;
  operatingSince: string | null;
  closedAt: string | null;
  outcome: string | null;
}

export interface DisbursementFactRow {
  readonly trancheId: string;
  readonly projectId: string;
  readonly amount: string;
  readonly paidOn: string;
}

export interface VisitFactRow {
  readonly visitId: string;
  readonly projectId: string;
  monthsAfter: number | null;
  dueOn: string | null;
  overdueAt: string | null;
  visitedOn: string | null;
  activityRunning: boolean | null;
}

export interface SurveyFactRow {
  readonly responseId: string;
  readonly beneficiaryId: string;
  readonly ownerOrg: string;
  readonly wave: string;
  readonly economic: string | null;
  readonly social: string | null;
  readonly psychosocial: string | null;
  readonly composite: string | null;
  readonly scoredAt: string;
}

/**
 * Writes a batch of reintegration facts, one statement per table. Each row is one key, folded
 * by the projector; the conflict rules are the ones a single event follows, so that a batch
 * leaves what its events applied one by one would.
 */
@Injectable()
export class ReintegrationFactsRepository {
  async upsertPlans(
    em: EntityManager,
    tables: TableNames,
    rows: readonly PlanFactRow[],
  ): Promise<void> {
    if (rows.length === 0) return;
    // A plan approved again after a revision keeps its first approval: that is the 30-day measure.
    await em.query(
      `INSERT INTO ${tables('plan_fact')} AS fact
         (plan_id, beneficiary_id, owner_org, revision, on_time, approved_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::int[], $5::boolean[],
                            $6::timestamptz[])
       ON CONFLICT (plan_id) DO UPDATE SET
         revision = EXCLUDED.revision, on_time = EXCLUDED.on_time, approved_at = EXCLUDED.approved_at
       WHERE EXCLUDED.revision < fact.revision`,
      [
        rows.map((row) => row.planId),
        rows.map((row) => row.beneficiaryId),
        rows.map((row) => row.ownerOrg),
        rows.map((row) => row.revision),
        rows.map((row) => row.onTime),
        rows.map((row) => row.approvedAt),
      ],
    );
  }

  async upsertProjects(
    em: EntityManager,
    tables: TableNames,
    rows: readonly ProjectFactRow[],
  ): Promise<void> {
    if (rows.length === 0) return;
    // The creation sets the project's dimensions; every later date is kept from its first event.
    const created = 'EXCLUDED.created_at IS NOT NULL';
    await em.query(
      `INSERT INTO ${tables('project_fact')} AS fact
         (project_id, owner_org, kind, sector, region_code, programme_code, created_at,
          legally_registered_at, operating_since, closed_at, outcome)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                            $7::timestamptz[], $8::timestamptz[], $9::timestamptz[],
                            $10::timestamptz[], $11::text[])
       ON CONFLICT (project_id) DO UPDATE SET
         owner_org = CASE WHEN ${created} THEN EXCLUDED.owner_org ELSE fact.owner_org END,
         kind = CASE WHEN ${created} THEN EXCLUDED.kind ELSE fact.kind END,
         sector = CASE WHEN ${created} THEN EXCLUDED.sector ELSE fact.sector END,
         region_code = CASE WHEN ${created} THEN EXCLUDED.region_code ELSE fact.region_code END,
         programme_code = CASE WHEN ${created} THEN EXCLUDED.programme_code ELSE fact.programme_code END,
         created_at = coalesce(EXCLUDED.created_at, fact.created_at),
         legally_registered_at = coalesce(fact.legally_registered_at, EXCLUDED.legally_registered_at),
         operating_since = coalesce(fact.operating_since, EXCLUDED.operating_since),
         closed_at = coalesce(fact.closed_at, EXCLUDED.closed_at),
         outcome = coalesce(fact.outcome, EXCLUDED.outcome)`,
      [
        rows.map((row) => row.projectId),
        rows.map((row) => row.ownerOrg),
        rows.map((row) => row.kind),
        rows.map((row) => row.sector),
        rows.map((row) => row.regionCode),
        rows.map((row) => row.programmeCode),
        rows.map((row) => row.createdAt),
        rows.map((row) => row.legallyRegisteredAt),
        rows.map((row) => row.operatingSince),
        rows.map((row) => row.closedAt),
        rows.map((row) => row.outcome),
      ],
    );
  }

  async insertDisbursements(
    em: EntityManager,
    tables: TableNames,
    rows: readonly DisbursementFactRow[],
  ): Promise<void> {
    if (rows.length === 0) return;
    await em.query(
      `INSERT INTO ${tables('disbursement_fact')} (tranche_id, project_id, amount, paid_on)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::numeric[], $4::timestamptz[])
       ON CONFLICT (tranche_id) DO NOTHING`,
      [
        rows.map((row) => row.trancheId),
        rows.map((row) => row.projectId),
        rows.map((row) => row.amount),
        rows.map((row) => row.paidOn),
      ],
    );
  }

  async upsertVisits(
    em: EntityManager,
    tables: TableNames,
    rows: readonly VisitFactRow[],
  ): Promise<void> {
    if (rows.length === 0) return;
    await em.query(
      `INSERT INTO ${tables('visit_fact')} AS fact
         (visit_id, project_id, months_after, due_on, overdue_at, visited_on, activity_running)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::timestamptz[], $5::timestamptz[],
                            $6::timestamptz[], $7::boolean[])
       ON CONFLICT (visit_id) DO UPDATE SET
         months_after = coalesce(fact.months_after, EXCLUDED.months_after),
         due_on = coalesce(fact.due_on, EXCLUDED.due_on),
         overdue_at = coalesce(fact.overdue_at, EXCLUDED.overdue_at),
         visited_on = coalesce(fact.visited_on, EXCLUDED.visited_on),
         activity_running = coalesce(fact.activity_running, EXCLUDED.activity_running)`,
      [
        rows.map((row) => row.visitId),
        rows.map((row) => row.projectId),
        rows.map((row) => row.monthsAfter),
        rows.map((row) => row.dueOn),
        rows.map((row) => row.overdueAt),
        rows.map((row) => row.visitedOn),
        rows.map((row) => row.activityRunning),
      ],
    );
  }

  async insertSurveys(
    em: EntityManager,
    tables: TableNames,
    rows: readonly SurveyFactRow[],
  ): Promise<void> {
    if (rows.length === 0) return;
    await em.query(
      `INSERT INTO ${tables('survey_fact')}
         (response_id, beneficiary_id, owner_org, wave, economic, social, psychosocial, composite,
          scored_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::numeric[],
                            $6::numeric[], $7::numeric[], $8::numeric[], $9::timestamptz[])
       ON CONFLICT (response_id) DO NOTHING`,
      [
        rows.map((row) => row.responseId),
        rows.map((row) => row.beneficiaryId),
        rows.map((row) => row.ownerOrg),
        rows.map((row) => row.wave),
        rows.map((row) => row.economic),
        rows.map((row) => row.social),
        rows.map((row) => row.psychosocial),
        rows.map((row) => row.composite),
        rows.map((row) => row.scoredAt),
      ],
    );
  }
}
