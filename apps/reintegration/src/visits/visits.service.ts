import { Injectable } from '@nestjs/common';
import type { Principal } from '@mrm/auth';
import { projectClosedV1, visitRecordedV1 } from '@mrm/contracts';
import { assertVersionMatches } from '@mrm/http';
import { OutboxWriter } from '@mrm/messaging';
import { Clock } from '@mrm/timers';
import { DataSource, type EntityManager } from 'typeorm';
import type { ProjectState } from '../projects/project-state';
import type { ProjectOutcome } from '../projects/project-vocabulary';
import { ProjectsService } from '../projects/projects.service';
import type { RecordVisitRequestDto } from './dto/record-visit.request.dto';
import { VisitScheduleService } from './visit-schedule.service';
import { VisitEntity } from './visit.entity';
import { VisitError } from './visit.errors';

/** Records follow-up visits; the project's last visit gives its outcome and closes it. */
@Injectable()
export class VisitsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly projects: ProjectsService,
    private readonly schedule: VisitScheduleService,
    private readonly clock: Clock,
  ) {}

  async record(input: {
    principal: Principal;
    visitId: string;
    expectedVersion: number | undefined;
    request: RecordVisitRequestDto;
  }): Promise<VisitEntity> {
    const { principal, request } = input;
    return this.dataSource.transaction(async (em) => {
      const found = await em.findOneBy(VisitEntity, { id: input.visitId });
      if (!found) throw new VisitError('VISIT_NOT_FOUND');
      // Project first, then visit: the timer's update takes the visit only, so no lock cycle.
      const project = await this.projects.lockManaged({
        em,
        principal,
        projectId: found.projectId,
      });
      const visit = await em.findOneOrFail(VisitEntity, {
        where: { id: found.id },
        lock: { mode: 'pessimistic_write' },
      });
      assertVersionMatches({ expected: input.expectedVersion, current: visit.version });
      if (visit.recordedAt !== null) throw new VisitError('VISIT_ALREADY_RECORDED');
      if (request.jobsHeldByWomen > request.jobsCreated) {
        throw new VisitError('VISIT_JOBS_INCONSISTENT');
      }
      const last = await this.isLast(em, visit);
      if (request.outcome !== undefined && !last) throw new VisitError('VISIT_OUTCOME_NOT_LAST');
      if (request.outcome === undefined && last) throw new VisitError('VISIT_OUTCOME_REQUIRED');
      const { outcome, ...report } = request;
      Object.assign(visit, report, {
        recordedBy: principal.sub,
        recordedAt: this.clock.now(),
        version: visit.version + 1,
      });
      await em.save(VisitEntity, visit);
      await this.schedule.disarm(em, visit.id);
      await this.announce(em, visit);
      if (outcome !== undefined) await this.close(em, project, outcome);
      return visit;
    });
  }

  private async isLast(em: EntityManager, visit: VisitEntity): Promise<boolean> {
    const [{ last }]: Array<{ last: number }> = await em.query(
      'SELECT max(sequence)::int AS last FROM visit WHERE project_id = $1',
      [visit.projectId],
    );
    return visit.sequence === last;
  }

  private async announce(em: EntityManager, visit: VisitEntity): Promise<void> {
    // The numeric column reads back with its two decimals, as the contract wants it.
    const [{ income }]: Array<{ income: string }> = await em.query(
      'SELECT monthly_income::text AS income FROM visit WHERE id = $1',
      [visit.id],
    );
    await this.outbox.append(
      em,
      visitRecordedV1,
      {
        visitId: visit.id,
        projectId: visit.projectId,
        ownerOrg: visit.ownerOrg,
        sequence: visit.sequence,
        monthsAfter: visit.monthsAfter,
        visitedOn: visit.visitedOn!,
        late: visit.visitedOn! > visit.dueOn,
        activityRunning: visit.activityRunning!,
        monthlyIncome: income,
        jobsCreated: visit.jobsCreated!,
        jobsHeldByWomen: visit.jobsHeldByWomen!,
        supportStatus: visit.supportStatus!,
      },
      { subject: visit.projectId },
    );
  }

  private async close(
    em: EntityManager,
    project: ProjectState,
    outcome: ProjectOutcome,
  ): Promise<void> {
    const closedAt = this.clock.now();
    await this.projects.touch(em, project, { status: 'closed', outcome, closedAt });
    await this.outbox.append(
      em,
      projectClosedV1,
      {
        projectId: project.id,
        ownerOrg: project.ownerOrg,
        kind: project.kind,
        regionCode: project.regionCode,
        outcome,
        closedAt: closedAt.toISOString(),
      },
      { subject: project.id },
    );
  }
}
