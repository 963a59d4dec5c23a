import { Injectable } from '@nestjs/common';
import type { Principal } from '@mrm/auth';
import { projectDisbursementPaidV1, uuidv7 } from '@mrm/contracts';
import { OutboxWriter } from '@mrm/messaging';
import { Clock } from '@mrm/timers';
import { DataSource, type EntityManager } from 'typeorm';
import type { PayTrancheRequestDto, PlanTrancheRequestDto } from './dto/tranche.request.dto';
import { ProjectTrancheEntity } from './project-tranche.entity';
import { ProjectEntity } from './project.entity';
import { ProjectError } from './project.errors';
import { ProjectReader, type ProjectView } from './project.reader';
import { ProjectsService } from './projects.service';

/** Disbursement tranches: planned within the cash budget, then paid (an event per payment). */
@Injectable()
export class DisbursementsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly projects: ProjectsService,
    private readonly reader: ProjectReader,
    private readonly clock: Clock,
  ) {}

  async plan(input: {
    principal: Principal;
    projectId: string;
    expectedVersion: number | undefined;
    request: PlanTrancheRequestDto;
  }): Promise<ProjectView> {
    return this.dataSource.transaction(async (em) => {
      const project = await this.openProject(em, input);
      // The comparison is PostgreSQL's, over numeric: exact to the centime.
      const [{ fits, sequence }]: Array<{ fits: boolean; sequence: number }> = await em.query(
        `SELECT
           (SELECT coalesce(sum(amount), 0) FROM project_tranche WHERE project_id = $1) + $2::numeric
             <= (SELECT coalesce(sum(amount), 0) FROM project_budget_line
                  WHERE project_id = $1 AND kind = 'cash') AS fits,
           (SELECT coalesce(max(sequence), 0) + 1 FROM project_tranche WHERE project_id = $1)::int
             AS sequence`,
        [project.id, input.request.amount],
      );
      if (!fits) throw new ProjectError('TRANCHES_EXCEED_BUDGET');
      await em.insert(ProjectTrancheEntity, {
        id: uuidv7(),
        projectId: project.id,
        sequence,
        amount: input.request.amount,
        plannedOn: input.request.plannedOn,
        payingOrg: input.request.payingOrg,
        paidOn: null,
        paidBy: null,
        createdAt: this.clock.now(),
      });
      await this.projects.touch(em, project);
      return this.reader.view(em, project);
    });
  }

  async pay(input: {
    principal: Principal;
    projectId: string;
    trancheId: string;
    expectedVersion: number | undefined;
    request: PayTrancheRequestDto;
  }): Promise<ProjectView> {
    return this.dataSource.transaction(async (em) => {
      const project = await this.openProject(em, input);
      const tranche = await em.findOneBy(ProjectTrancheEntity, {
        id: input.trancheId,
        projectId: project.id,
      });
      if (!tranche) throw new ProjectError('TRANCHE_NOT_FOUND');
      if (tranche.paidOn !== null) throw new ProjectError('TRANCHE_ALREADY_PAID');
      await em.update(
        ProjectTrancheEntity,
        { id: tranche.id },
        { paidOn: input.request.paidOn, paidBy: input.principal.sub },
      );
      await this.projects.touch(em, project);
      const view = await this.reader.view(em, project);
      await this.outbox.append(
        em,
        projectDisbursementPaidV1,
        {
          projectId: project.id,
          ownerOrg: project.ownerOrg,
          trancheId: tranche.id,
          sequence: tranche.sequence,
          amount: tranche.amount,
          payingOrg: tranche.payingOrg,
          paidOn: input.request.paidOn,
          paidTotal: view.totals.paid,
        },
        { subject: project.id, time: project.updatedAt },
      );
      return view;
    });
  }

  private async openProject(
    em: EntityManager,
    input: { principal: Principal; projectId: string; expectedVersion: number | undefined },
  ): Promise<ProjectEntity> {
    const state = await this.projects.lockManaged({ em, ...input });
    const project = await em.findOneByOrFail(ProjectEntity, { id: state.id });
    this.projects.assertVersion(project, input.expectedVersion);
    if (project.status === 'closed') throw new ProjectError('PROJECT_CLOSED');
    return project;
  }
}
