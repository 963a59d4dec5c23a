import { Injectable } from '@nestjs/common';
import {
  planApprovedV1,
  projectClosedV1,
  projectCreatedV1,
  projectDisbursementPaidV1,
  projectMilestoneReachedV1,
  projectOperatingV1,
  surveyScoredV1,
  visitOverdueV1,
  visitRecordedV1,
  visitScheduledV1,
  type EventEnvelope,
  type PlanApprovedV1,
  type ProjectClosedV1,
  type ProjectCreatedV1,
  type ProjectDisbursementPaidV1,
  type ProjectMilestoneReachedV1,
  type ProjectOperatingV1,
  type SurveyScoredV1,
  type VisitOverdueV1,
  type VisitRecordedV1,
  type VisitScheduledV1,
} from '@mrm/contracts';
import type { EntityManager } from 'typeorm';
import { LIVE_TABLES, type TableNames } from '../projections/fact-tables';

/** Reintegration events that shape the plan, project, disbursement, visit and survey facts. */
export const REINTEGRATION_FACT_EVENTS = [
  planApprovedV1,
  projectCreatedV1,
  projectMilestoneReachedV1,
  projectOperatingV1,
  projectClosedV1,
  projectDisbursementPaidV1,
  visitScheduledV1,
  visitRecordedV1,
  visitOverdueV1,
  surveyScoredV1,
];

// The milestone of the legal chains at which a project gains legal personality.
const LEGAL_REGISTRATION_MILESTONE = 'registered';

/**
 * Applies reintegration events. Each column is owned by one event kind and written once (the
 * first value wins, except a plan's revision where the first approval wins), so rows come out the
 * same whatever the delivery order; a project's row may start from a milestone seen first.
 */
@Injectable()
export class ReintegrationFactsProjector {
  async apply(
    em: EntityManager,
    events: ReadonlyArray<EventEnvelope>,
    tables: TableNames = LIVE_TABLES,
  ): Promise<void> {
    for (const event of events) {
      switch (event.type) {
        case planApprovedV1.type:
          await this.applyPlanApproved(em, tables, event.data as PlanApprovedV1);
          break;
        case projectCreatedV1.type:
          await this.applyProjectCreated(em, tables, event.data as ProjectCreatedV1);
          break;
        case projectMilestoneReachedV1.type: {
          const data = event.data as ProjectMilestoneReachedV1;
          if (data.milestone === LEGAL_REGISTRATION_MILESTONE) {
            await this.setProjectDate(
              em,
              tables,
              data.projectId,
              'legally_registered_at',
              data.reachedOn,
            );
          }
          break;
        }
        case projectOperatingV1.type: {
          const data = event.data as ProjectOperatingV1;
          await this.setProjectDate(
            em,
            tables,
            data.projectId,
            'operating_since',
            data.operatingSince,
          );
          break;
        }
        case projectClosedV1.type:
          await this.applyProjectClosed(em, tables, event.data as ProjectClosedV1);
          break;
        case projectDisbursementPaidV1.type:
          await this.applyDisbursement(em, tables, event.data as ProjectDisbursementPaidV1);
          break;
        case visitScheduledV1.type:
        case visitRecordedV1.type:
        case visitOverdueV1.type:
          await this.applyVisit(em, tables, event.type, event.data);
          break;
        case surveyScoredV1.type:
          await this.applySurvey(em, tables, event.data as SurveyScoredV1);
          break;
        default:
          break;
      }
    }
  }

  private async applyPlanApproved(
    em: EntityManager,
    tables: TableNames,
    data: PlanApprovedV1,
  ): Promise<void> {
    // A plan approved again after a revision keeps its first approval: that is the 30-day measure.
    await em.query(
      `INSERT INTO ${tables('plan_fact')} AS fact
         (plan_id, beneficiary_id, owner_org, revision, on_time, approved_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (plan_id) DO UPDATE SET
         revision = EXCLUDED.revision, on_time = EXCLUDED.on_time, approved_at = EXCLUDED.approved_at
       WHERE EXCLUDED.revision < fact.revision`,
      [data.planId, data.beneficiaryId, data.ownerOrg, data.revision, data.onTime, data.approvedAt],
    );
  }

  private async applyProjectCreated(
    em: EntityManager,
    tables: TableNames,
    data: ProjectCreatedV1,
  ): Promise<void> {
    await em.query(
      `INSERT INTO ${tables('project_fact')} AS fact
         (project_id, owner_org, kind, sector, region_code, programme_code, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (project_id) DO UPDATE SET
         owner_org = EXCLUDED.owner_org, kind = EXCLUDED.kind, sector = EXCLUDED.sector,
         region_code = EXCLUDED.region_code, programme_code = EXCLUDED.programme_code,
         created_at = EXCLUDED.created_at`,
      [
        data.projectId,
        data.ownerOrg,
        data.kind,
        data.sector,
        data.regionCode,
        data.programmeCode ?? null,
        data.createdAt,
      ],
    );
  }

  private async setProjectDate(
    em: EntityManager,
    tables: TableNames,
    projectId: string,
    column: 'legally_registered_at' | 'operating_since',
    at: string,
  ): Promise<void> {
    await em.query(
      `INSERT INTO ${tables('project_fact')} AS fact (project_id, ${column}) VALUES ($1, $2)
       ON CONFLICT (project_id) DO UPDATE SET ${column} = coalesce(fact.${column}, EXCLUDED.${column})`,
      [projectId, at],
    );
  }

  private async applyProjectClosed(
    em: EntityManager,
    tables: TableNames,
    data: ProjectClosedV1,
  ): Promise<void> {
    await em.query(
      `INSERT INTO ${tables('project_fact')} AS fact (project_id, closed_at, outcome) VALUES ($1, $2, $3)
       ON CONFLICT (project_id) DO UPDATE SET
         closed_at = coalesce(fact.closed_at, EXCLUDED.closed_at),
         outcome = coalesce(fact.outcome, EXCLUDED.outcome)`,
      [data.projectId, data.closedAt, data.outcome],
    );
  }

  private async applyDisbursement(
    em: EntityManager,
    tables: TableNames,
    data: ProjectDisbursementPaidV1,
  ): Promise<void> {
    await em.query(
      `INSERT INTO ${tables('disbursement_fact')} (tranche_id, project_id, amount, paid_on)
       VALUES ($1, $2, $3, $4) ON CONFLICT (tranche_id) DO NOTHING`,
      [data.trancheId, data.projectId, data.amount, data.paidOn],
    );
  }

  private async applyVisit(
    em: EntityManager,
    tables: TableNames,
    type: string,
    raw: unknown,
  ): Promise<void> {
    const scheduled = type === visitScheduledV1.type ? (raw as VisitScheduledV1) : undefined;
    const recorded = type === visitRecordedV1.type ? (raw as VisitRecordedV1) : undefined;
    const overdue = type === visitOverdueV1.type ? (raw as VisitOverdueV1) : undefined;
    const data = (scheduled ?? recorded ?? overdue)!;
    await em.query(
      `INSERT INTO ${tables('visit_fact')} AS fact
         (visit_id, project_id, months_after, due_on, overdue_at, visited_on, activity_running)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (visit_id) DO UPDATE SET
         months_after = coalesce(fact.months_after, EXCLUDED.months_after),
         due_on = coalesce(fact.due_on, EXCLUDED.due_on),
         overdue_at = coalesce(fact.overdue_at, EXCLUDED.overdue_at),
         visited_on = coalesce(fact.visited_on, EXCLUDED.visited_on),
         activity_running = coalesce(fact.activity_running, EXCLUDED.activity_running)`,
      [
        data.visitId,
        data.projectId,
        scheduled?.monthsAfter ?? recorded?.monthsAfter ?? null,
        scheduled?.dueOn ?? overdue?.dueOn ?? null,
        overdue?.overdueAt ?? null,
        recorded?.visitedOn ?? null,
        recorded?.activityRunning ?? null,
      ],
    );
  }

  private async applySurvey(
    em: EntityManager,
    tables: TableNames,
    data: SurveyScoredV1,
  ): Promise<void> {
    await em.query(
      `INSERT INTO ${tables('survey_fact')}
         (response_id, beneficiary_id, owner_org, wave, economic, social, psychosocial, composite,
          scored_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (response_id) DO NOTHING`,
      [
        data.responseId,
        data.beneficiaryId,
        data.ownerOrg,
        data.wave,
        data.economic ?? null,
        data.social ?? null,
        data.psychosocial ?? null,
        data.composite ?? null,
        data.scoredAt,
      ],
    );
  }
}
