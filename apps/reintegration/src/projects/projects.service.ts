import { Injectable } from '@nestjs/common';
import { assertSameInstitution, type Principal } from '@mrm/auth';
import { projectCreatedV1, uuidv7 } from '@mrm/contracts';
import { assertVersionMatches } from '@mrm/http';
import { OutboxWriter } from '@mrm/messaging';
import { RosterService } from '@mrm/roster';
import { Clock } from '@mrm/timers';

import { DataSource, type EntityManager } from 'typeorm';
import { ChainCatalogueService, type VersionedChain } from '../chains/chain-catalogue.service';
import type { CreateProjectRequestDto } from './dto/create-project.request.dto';
import { ProjectBudgetLineEntity } from './project-budget-line.entity';
import { ProjectMemberEntity } from './project-member.entity';
import { ProjectEntity } from './project.entity';
import { ProjectError } from './project.errors';
import type { ProjectState } from './project-state';
import { ProjectReader, type ProjectView } from './project.reader';

/** Creates projects, and hands other features a project locked for their change. */
@Injectable()
export class ProjectsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly roster: RosterService,
    private readonly chains: ChainCatalogueService,
    private readonly reader: ProjectReader,
    private readonly clock: Clock,
  ) {}

  /** Creates the project with its members and budget, and `project.created.v1`, in one transaction. */
  async create(input: {
    principal: Principal;
    request: CreateProjectRequestDto;
  }): Promise<ProjectView> {
    const { principal, request } = input;
    const chain = this.chains.current({ kind: request.kind, code: request.chainCode });
    return this.dataSource.transaction(async (em) => {
      const members = await this.resolveMembers(em, request, chain);
      const now = this.clock.now();
      const project = em.create(ProjectEntity, {
        id: uuidv7(),
        ownerOrg: principal.org,
        kind: request.kind,
        title: request.title,
        sector: request.sector,
        regionCode: request.regionCode,
        commune: request.commune,
        programmeCode: request.programmeCode ?? null,
        chainCode: chain.definition.code,
        chainVersion: chain.version,
        status: 'in-creation',
        operatingSince: null,
        outcome: null,
        closedAt: null,
        version: 1,
        createdBy: principal.sub,
        createdAt: now,
        updatedAt: now,
      });
      await em.insert(ProjectEntity, project);
      await em.insert(
        ProjectMemberEntity,
        members.map((member) => ({ ...member, projectId: project.id, joinedAt: now })),
      );
      if (request.budgetLines.length > 0) {
        await em.insert(
          ProjectBudgetLineEntity,
          request.budgetLines.map((line, index) => ({
            id: uuidv7(),
            projectId: project.id,
            position: index + 1,
            ...line,
          })),
        );
      }
      const view = await this.reader.view(em, project);
      await this.outbox.append(
        em,
        projectCreatedV1,
        {
          projectId: project.id,
          ownerOrg: project.ownerOrg,
          kind: project.kind,
          sector: project.sector,
          regionCode: project.regionCode,
          ...(project.programmeCode ? { programmeCode: project.programmeCode } : {}),
          chainCode: project.chainCode,
          chainVersion: project.chainVersion,
          memberIds: view.members.map((member) => member.beneficiaryId),
          budgetTotal: view.totals.budget,
          inKindTotal: view.totals.inKind,
          createdAt: now.toISOString(),
        },
        { subject: project.id, time: now },
      );
      return view;
    });
  }

  /**
   * The project, row-locked for the caller's change, if the principal may manage it.
   * @throws ProjectError PROJECT_NOT_FOUND, AuthError AUTH_FORBIDDEN (another institution's)
   */
  async lockManaged(input: {
    em: EntityManager;
    principal: Principal;
    projectId: string;
  }): Promise<ProjectState> {
    const project = await input.em.findOne(ProjectEntity, {
      where: { id: input.projectId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!project) throw new ProjectError('PROJECT_NOT_FOUND');
    assertSameInstitution(input.principal, project.ownerOrg);
    return project;
  }

  /** 412 when the caller edited another version than the current one (If-Match). */
  assertVersion(project: ProjectState, expected: number | undefined): void {
    assertVersionMatches({ expected, current: project.version });
  }

  /** Bumps the version (the ETag) of a project whose parts changed. */
  async touch(
    em: EntityManager,
    project: ProjectState,
    changes: Partial<Pick<ProjectState, 'status' | 'operatingSince' | 'outcome' | 'closedAt'>> = {},
  ): Promise<void> {
    Object.assign(project, changes, { version: project.version + 1, updatedAt: this.clock.now() });
    await em.update(
      ProjectEntity,
      { id: project.id },
      { ...changes, version: project.version, updatedAt: project.updatedAt },
    );
  }

  // Members follow merges to the surviving record; an erased or unknown person cannot join.
  private async resolveMembers(
    em: EntityManager,
    request: CreateProjectRequestDto,
    chain: VersionedChain,
  ): Promise<Array<Pick<ProjectMemberEntity, 'beneficiaryId' | 'role'>>> {
    const members: Array<Pick<ProjectMemberEntity, 'beneficiaryId' | 'role'>> = [];
    for (const member of request.members) {
      const active = await this.roster.resolveActive(em, member.beneficiaryId);
      members.push({ beneficiaryId: active.beneficiaryId, role: member.role });
    }
    const distinct = new Set(members.map((member) => member.beneficiaryId)).size;
    const invalid = (detail: string) => new ProjectError('PROJECT_MEMBERS_INVALID', { detail });
    if (distinct !== members.length) throw invalid('A person is listed twice');
    if (request.kind === 'individual' && members.length !== 1) {
      throw invalid('An individual project has exactly one member');
    }
    if (members.length < chain.definition.minMembers) {
      throw invalid(
        `The ${chain.definition.code} chain needs ${chain.definition.minMembers} members`,
      );
    }
    return members;
  }
}
