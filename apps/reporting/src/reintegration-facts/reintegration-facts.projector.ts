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
import {
  ReintegrationFactsRepository,
  type DisbursementFactRow,
  type PlanFactRow,
  type ProjectFactRow,
  type SurveyFactRow,
  type VisitFactRow,
} from './reintegration-facts.repository';

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
 * same whatever the delivery order; a project's row may start from a milestone seen first. A
 * batch is folded into one row per key by those same rules, then written table by table.
 */
@Injectable()
export class ReintegrationFactsProjector {
  constructor(private readonly facts: ReintegrationFactsRepository) {}

  async apply(
    em: EntityManager,
    events: ReadonlyArray<EventEnvelope>,
    tables: TableNames = LIVE_TABLES,
  ): Promise<void> {
    const batch = new ReintegrationBatch();
    for (const event of events) batch.add(event);
    await this.facts.upsertPlans(em, tables, [...batch.plans.values()]);
    await this.facts.upsertProjects(em, tables, [...batch.projects.values()]);
    await this.facts.insertDisbursements(em, tables, [...batch.disbursements.values()]);
    await this.facts.upsertVisits(em, tables, [...batch.visits.values()]);
    await this.facts.insertSurveys(em, tables, [...batch.surveys.values()]);
  }
}

/** A batch's events folded into one row per fact key, as applying them in turn would leave it. */
class ReintegrationBatch {
  readonly plans = new Map<string, PlanFactRow>();
  readonly projects = new Map<string, ProjectFactRow>();
  readonly disbursements = new Map<string, DisbursementFactRow>();
  readonly visits = new Map<string, VisitFactRow>();
  readonly surveys = new Map<string, SurveyFactRow>();

  add(event: EventEnvelope): void {
    switch (event.type) {
      case planApprovedV1.type:
        this.addPlan(event.data as PlanApprovedV1);
        break;
      case projectCreatedV1.type: {
        const data = event.data as ProjectCreatedV1;
        // A later creation of the same project replaces the dimensions, as its upsert did.
        Object.assign(this.project(data.projectId), {
          ownerOrg: data.ownerOrg,
          kind: data.kind,
          sector: data.sector,
          regionCode: data.regionCode,
          programmeCode: data.programmeCode ?? null,
          createdAt: data.createdAt,
        });
        break;
      }
      case projectMilestoneReachedV1.type: {
        const data = event.data as ProjectMilestoneReachedV1;
        if (data.milestone === LEGAL_REGISTRATION_MILESTONE) {
          const project = this.project(data.projectId);
          project.legallyRegisteredAt ??= data.reachedOn;
        }
        break;
      }
      case projectOperatingV1.type: {
        const data = event.data as ProjectOperatingV1;
        const project = this.project(data.projectId);
        project.operatingSince ??= data.operatingSince;
        break;
      }
      case projectClosedV1.type: {
        const data = event.data as ProjectClosedV1;
        const project = this.project(data.projectId);
        project.closedAt ??= data.closedAt;
        project.outcome ??= data.outcome;
        break;
      }
      case projectDisbursementPaidV1.type: {
        const data = event.data as ProjectDisbursementPaidV1;
        if (!this.disbursements.has(data.trancheId)) {
          this.disbursements.set(data.trancheId, {
            trancheId: data.trancheId,
            projectId: data.projectId,
            amount: data.amount,
            paidOn: data.paidOn,
          });
        }
        break;
      }
      case visitScheduledV1.type: {
        const data = event.data as VisitScheduledV1;
        const visit = this.visit(data.visitId, data.projectId);
        visit.monthsAfter ??= data.monthsAfter;
        visit.dueOn ??= data.dueOn;
        break;
      }
      case visitRecordedV1.type: {
        const data = event.data as VisitRecordedV1;
        const visit = this.visit(data.visitId, data.projectId);
        visit.monthsAfter ??= data.monthsAfter;
        visit.visitedOn ??= data.visitedOn;
        visit.activityRunning ??= data.activityRunning;
        break;
      }
      case visitOverdueV1.type: {
        const data = event.data as VisitOverdueV1;
        const visit = this.visit(data.visitId, data.projectId);
        visit.dueOn ??= data.dueOn;
        visit.overdueAt ??= data.overdueAt;
        break;
      }
      case surveyScoredV1.type: {
        const data = event.data as SurveyScoredV1;
        if (!this.surveys.has(data.responseId)) {
          this.surveys.set(data.responseId, {
            responseId: data.responseId,
            beneficiaryId: data.beneficiaryId,
            ownerOrg: data.ownerOrg,
            wave: data.wave,
            economic: data.economic ?? null,
            social: data.social ?? null,
            psychosocial: data.psychosocial ?? null,
            composite: data.composite ?? null,
            scoredAt: data.scoredAt,
          });
        }
        break;
      }
      default:
        break;
    }
  }

  // The lowest revision's approval wins; the plan's owner stays the first event's, as inserted.
  private addPlan(data: PlanApprovedV1): void {
    const current = this.plans.get(data.planId);
    if (current !== undefined && current.revision <= data.revision) return;
    this.plans.set(data.planId, {
      planId: data.planId,
      beneficiaryId: current?.beneficiaryId ?? data.beneficiaryId,
      ownerOrg: current?.ownerOrg ?? data.ownerOrg,
      revision: data.revision,
      onTime: data.onTime,
      approvedAt: data.approvedAt,
    });
  }

  private project(projectId: string): ProjectFactRow {
    let project = this.projects.get(projectId);
    if (project === undefined) {
      project = {
        projectId,
        ownerOrg: null,
        kind: null,
        sector: null,
        regionCode: null,
        programmeCode: null,
        createdAt: null,
        legallyRegisteredAt: null,
        operatingSince: null,
        closedAt: null,
        outcome: null,
      };
      this.projects.set(projectId, project);
    }
    return project;
  }

  private visit(visitId: string, projectId: string): VisitFactRow {
    let visit = this.visits.get(visitId);
    if (visit === undefined) {
      visit = {
        visitId,
        projectId,
        monthsAfter: null,
        dueOn: null,
        overdueAt: null,
        visitedOn: null,
        activityRunning: null,
      };
      this.visits.set(visitId, visit);
    }
    return visit;
  }
}
