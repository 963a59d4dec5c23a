import { Injectable } from '@nestjs/common';
import type { Principal } from '@mrm/auth';
import { projectMilestoneReachedV1, projectOperatingV1 } from '@mrm/contracts';
import { OutboxWriter } from '@mrm/messaging';
import { Clock } from '@mrm/timers';
import { DataSource, type EntityManager } from 'typeorm';
import { ChainCatalogueService, type VersionedChain } from '../chains/chain-catalogue.service';
import { OPERATING_STEP, type ChainStep } from '../chains/chain-file';
import type { ProjectState } from '../projects/project-state';
import { ProjectError } from '../projects/project.errors';
import { ProjectReader } from '../projects/project.reader';
import { ProjectsService } from '../projects/projects.service';
import { VisitScheduleService } from '../visits/visit-schedule.service';
import type { ReachMilestoneRequestDto } from './dto/reach-milestone.request.dto';
import { MilestoneError } from './milestone.errors';
import { ProjectMilestoneEntity } from './project-milestone.entity';

/** A project's chain with the milestones reached so far. */
export interface MilestoneProgress {
  readonly project: ProjectState;
  readonly chain: VersionedChain;
  readonly reached: ProjectMilestoneEntity[];
}

/**
 * Legal-creation milestones, reached in the order of the project's chain version; an earlier step
 * may be skipped only with a reason. The last step, `operating`, makes the project operating.
 */
@Injectable()
export class MilestonesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly projects: ProjectsService,
    private readonly reader: ProjectReader,
    private readonly chains: ChainCatalogueService,
    private readonly visits: VisitScheduleService,
    private readonly clock: Clock,
  ) {}

  async progress(input: { principal: Principal; projectId: string }): Promise<MilestoneProgress> {
    const { project } = await this.reader.get(input);
    return this.progressOf(this.dataSource.manager, project);
  }

  async reach(input: {
    principal: Principal;
    projectId: string;
    expectedVersion: number | undefined;
    request: ReachMilestoneRequestDto;
  }): Promise<MilestoneProgress> {
    const { principal, request } = input;
    return this.dataSource.transaction(async (em) => {
      const project = await this.projects.lockManaged({ em, ...input });
      this.projects.assertVersion(project, input.expectedVersion);
      if (project.status === 'closed') throw new ProjectError('PROJECT_CLOSED');
      const { chain, reached } = await this.progressOf(em, project);
      const position = chain.definition.steps.findIndex((step) => step.code === request.milestone);
      if (position < 0) throw new MilestoneError('MILESTONE_NOT_IN_CHAIN');
      if (reached.some((row) => row.code === request.milestone)) {
        throw new MilestoneError('MILESTONE_ALREADY_REACHED');
      }
      const skipped = chain.definition.steps
        .slice(0, position)
        .filter((step) => !reached.some((row) => row.code === step.code));
      if (skipped.length > 0 && request.overrideReason === undefined) {
        throw new MilestoneError('MILESTONE_OUT_OF_ORDER', {
          detail: `The next milestone is ${skipped[0].code}`,
        });
      }
      await this.assertAmount(em, chain.definition.steps[position], request.amount);
      await em.insert(ProjectMilestoneEntity, {
        projectId: project.id,
        code: request.milestone,
        position: position + 1,
        reachedOn: request.reachedOn,
        evidenceRef: request.evidenceRef,
        amount: request.amount ?? null,
        overrideReason: skipped.length > 0 ? (request.overrideReason ?? null) : null,
        recordedBy: principal.sub,
        recordedAt: this.clock.now(),
      });
      const operating = request.milestone === OPERATING_STEP;
      await this.projects.touch(
        em,
        project,
        operating ? { status: 'operating', operatingSince: request.reachedOn } : {},
      );
      await this.announce(em, {
        project,
        chain,
        position,
        reachedOn: request.reachedOn,
        overridden: skipped.length > 0,
      });
      if (operating) await this.visits.scheduleFollowUps(em, project);
      return this.progressOf(em, project);
    });
  }

  private async progressOf(em: EntityManager, project: ProjectState): Promise<MilestoneProgress> {
    const chain = await this.chains.get(em, {
      code: project.chainCode,
      version: project.chainVersion,
    });
    const reached = await em.find(ProjectMilestoneEntity, {
      where: { projectId: project.id },
      order: { position: 'ASC' },
    });
    return { project, chain, reached };
  }

  // PostgreSQL compares the decimals: exact, whatever their scale.
  private async assertAmount(em: EntityManager, step: ChainStep, amount: string | undefined) {
    if (step.minAmount === undefined) return;
    if (amount === undefined) throw new MilestoneError('MILESTONE_AMOUNT_REQUIRED');
    const [{ enough }]: Array<{ enough: boolean }> = await em.query(
      'SELECT $1::numeric >= $2::numeric AS enough',
      [amount, step.minAmount],
    );
    if (!enough) {
      throw new MilestoneError('MILESTONE_AMOUNT_BELOW_MINIMUM', {
        detail: `At least ${step.minAmount} MAD`,
      });
    }
  }

  private async announce(
    em: EntityManager,
    input: {
      project: ProjectState;
      chain: VersionedChain;
      position: number;
      reachedOn: string;
      overridden: boolean;
    },
  ): Promise<void> {
    const { project, chain, position, reachedOn } = input;
    const step = chain.definition.steps[position];
    await this.outbox.append(
      em,
      projectMilestoneReachedV1,
      {
        projectId: project.id,
        ownerOrg: project.ownerOrg,
        chainCode: chain.definition.code,
        chainVersion: chain.version,
        milestone: step.code,
        position: position + 1,
        reachedOn,
        overridden: input.overridden,
      },
      { subject: project.id, time: project.updatedAt },
    );
    if (step.code !== OPERATING_STEP) return;
    await this.outbox.append(
      em,
      projectOperatingV1,
      {
        projectId: project.id,
        ownerOrg: project.ownerOrg,
        kind: project.kind,
        regionCode: project.regionCode,
        operatingSince: reachedOn,
      },
      { subject: project.id, time: project.updatedAt },
    );
  }
}
