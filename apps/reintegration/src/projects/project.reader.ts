import { Injectable } from '@nestjs/common';
import { assertSameInstitution, canSeeAllPersonalFiles, type Principal } from '@mrm/auth';
import { decodeCursor, DEFAULT_PAGE_LIMIT, toPage, type Page } from '@mrm/http';
import { DataSource, type EntityManager } from 'typeorm';
import { ProjectBudgetLineEntity } from './project-budget-line.entity';
import { ProjectMemberEntity } from './project-member.entity';
import { ProjectTrancheEntity } from './project-tranche.entity';
import { ProjectEntity } from './project.entity';
import { ProjectError } from './project.errors';
import type { ProjectKind, ProjectStatus } from './project-vocabulary';

/** MAD sums computed by PostgreSQL over numeric columns, as decimal strings. */
export interface ProjectTotals {
  readonly budget: string;
  readonly inKind: string;
  readonly planned: string;
  readonly paid: string;
}

/** A project with its parts, as the API shows it. */
export interface ProjectView {
  readonly project: ProjectEntity;
  readonly members: ProjectMemberEntity[];
  readonly budgetLines: ProjectBudgetLineEntity[];
  readonly tranches: ProjectTrancheEntity[];
  readonly totals: ProjectTotals;
}

// One statement for the four sums; numeric(14,2) to text keeps every centime.
const TOTALS_SQL = `
  SELECT
    (SELECT coalesce(sum(amount) FILTER (WHERE kind = 'cash'), 0)::numeric(14,2)::text
       FROM project_budget_line WHERE project_id = $1) AS budget,
    (SELECT coalesce(sum(amount) FILTER (WHERE kind = 'in-kind'), 0)::numeric(14,2)::text
       FROM project_budget_line WHERE project_id = $1) AS "inKind",
    (SELECT coalesce(sum(amount), 0)::numeric(14,2)::text
       FROM project_tranche WHERE project_id = $1) AS planned,
    (SELECT coalesce(sum(amount) FILTER (WHERE paid_on IS NOT NULL), 0)::numeric(14,2)::text
       FROM project_tranche WHERE project_id = $1) AS paid`;

/** Reads projects within the caller's institution (all of them for national roles). */
@Injectable()
export class ProjectReader {
  constructor(private readonly dataSource: DataSource) {}

  async get(input: { principal: Principal; projectId: string }): Promise<ProjectView> {
    const em = this.dataSource.manager;
    const project = await em.findOneBy(ProjectEntity, { id: input.projectId });
    if (!project) throw new ProjectError('PROJECT_NOT_FOUND');
    assertSameInstitution(input.principal, project.ownerOrg);
    return this.view(em, project);
  }

  async view(em: EntityManager, project: ProjectEntity): Promise<ProjectView> {
    const where = { projectId: project.id };
    // One after the other: a transaction's connection runs one query at a time.
    const members = await em.find(ProjectMemberEntity, {
      where,
      order: { joinedAt: 'ASC', beneficiaryId: 'ASC' },
    });
    const budgetLines = await em.find(ProjectBudgetLineEntity, {
      where,
      order: { position: 'ASC' },
    });
    const tranches = await em.find(ProjectTrancheEntity, { where, order: { sequence: 'ASC' } });
    const [totals]: ProjectTotals[] = await em.query(TOTALS_SQL, [project.id]);
    return { project, members, budgetLines, tranches, totals };
  }

  /** Newest first, filtered; another institution's projects only for national roles. */
  async list(input: {
    principal: Principal;
    status?: ProjectStatus;
    kind?: ProjectKind;
    limit?: number;
    cursor?: string;
  }): Promise<Page<ProjectEntity>> {
    const limit = input.limit ?? DEFAULT_PAGE_LIMIT;
    const after = decodeCursor(input.cursor);
    const query = this.dataSource
      .getRepository(ProjectEntity)
      .createQueryBuilder('p')
      .orderBy('p.created_at', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .limit(limit + 1);
    if (!canSeeAllPersonalFiles(input.principal)) {
      query.andWhere('p.owner_org = :org', { org: input.principal.org });
    }
    if (input.status) query.andWhere('p.status = :status', { status: input.status });
    if (input.kind) query.andWhere('p.kind = :kind', { kind: input.kind });
    if (after) query.andWhere('(p.created_at, p.id) < (:createdAt, :id)', after);
    return toPage({
      rows: await query.getMany(),
      limit,
      keyOf: (row) => ({ createdAt: row.createdAt.toISOString(), id: row.id }),
      map: (row) => row,
    });
  }
}
