import { Inject, Injectable } from '@nestjs/common';
import { assertSameInstitution, type Principal } from '@mrm/auth';
import { planApprovedV1, uuidv7 } from '@mrm/contracts';
import { assertVersionMatches } from '@mrm/http';
import { OutboxWriter } from '@mrm/messaging';
import { RosterService } from '@mrm/roster';
import { SERVICE_CONFIG } from '@mrm/runtime';
import { Clock } from '@mrm/timers';
import { DataSource, type EntityManager } from 'typeorm';
import type { ReintegrationConfig } from '../reintegration.config';
import type { CreatePlanRequestDto, PlanContentDto } from './dto/plan.request.dto';
import { PlanRevisionEntity } from './plan-revision.entity';
import { PlanEntity } from './plan.entity';
import { PlanError } from './plan.errors';
import { PlanReader, type PlanView } from './plan.reader';

const DAY_MS = 86_400_000;

/**
 * Reintegration plans: drafted by the owning institution's project officer, approved by a
 * coordinator; every change is a new revision kept in the history, and a revised plan needs
 * approving again.
 */
@Injectable()
export class PlansService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly roster: RosterService,
    private readonly clock: Clock,
    private readonly reader: PlanReader,
    @Inject(SERVICE_CONFIG) private readonly config: ReintegrationConfig,
  ) {}

  async create(input: { principal: Principal; request: CreatePlanRequestDto }): Promise<PlanView> {
    const { principal, request } = input;
    await this.roster.get(principal, request.beneficiaryId);
    return this.dataSource.transaction(async (em) => {
      const person = await this.roster.resolveActive(em, request.beneficiaryId);
      const now = this.clock.now();
      const dueMs = Date.parse(`${request.referenceDate}T00:00:00Z`) + this.dueDays() * DAY_MS;
      const plan = em.create(PlanEntity, {
        id: uuidv7(),
        beneficiaryId: person.beneficiaryId,
        ownerOrg: principal.org,
        status: 'draft',
        revision: 1,
        referenceDate: request.referenceDate,
        dueOn: new Date(dueMs).toISOString().slice(0, 10),
        ...contentOf(request),
        approvedBy: null,
        approvedAt: null,
        version: 1,
        createdBy: principal.sub,
        createdAt: now,
        updatedAt: now,
      });
      await em.insert(PlanEntity, plan);
      await this.keepRevision(em, plan, principal);
      return this.reader.view(em, plan);
    });
  }

  /** A new revision (If-Match required); an approved plan goes back to draft. */
  async revise(input: {
    principal: Principal;
    planId: string;
    expectedVersion: number | undefined;
    request: PlanContentDto;
  }): Promise<PlanView> {
    return this.dataSource.transaction(async (em) => {
      const plan = await this.lockManaged(em, input);
      Object.assign(plan, contentOf(input.request), {
        status: 'draft',
        revision: plan.revision + 1,
        approvedBy: null,
        approvedAt: null,
        version: plan.version + 1,
        updatedAt: this.clock.now(),
      });
      await em.save(PlanEntity, plan);
      await this.keepRevision(em, plan, input.principal);
      return this.reader.view(em, plan);
    });
  }

  async approve(input: {
    principal: Principal;
    planId: string;
    expectedVersion: number | undefined;
  }): Promise<PlanView> {
    return this.dataSource.transaction(async (em) => {
      const plan = await this.lockManaged(em, input);
      if (plan.status === 'approved') throw new PlanError('PLAN_ALREADY_APPROVED');
      const now = this.clock.now();
      Object.assign(plan, {
        status: 'approved',
        approvedBy: input.principal.sub,
        approvedAt: now,
        version: plan.version + 1,
        updatedAt: now,
      });
      await em.save(PlanEntity, plan);
      await em.update(
        PlanRevisionEntity,
        { planId: plan.id, revision: plan.revision },
        { approvedBy: plan.approvedBy, approvedAt: now },
      );
      await this.outbox.append(
        em,
        planApprovedV1,
        {
          planId: plan.id,
          beneficiaryId: plan.beneficiaryId,
          ownerOrg: plan.ownerOrg,
          revision: plan.revision,
          assistance: plan.assistance.map((item) => item.item),
          dueOn: plan.dueOn,
          onTime: now.toISOString().slice(0, 10) <= plan.dueOn,
          approvedAt: now.toISOString(),
        },
        { subject: plan.beneficiaryId },
      );
      return this.reader.view(em, plan);
    });
  }

  async get(input: { principal: Principal; planId: string }): Promise<PlanView> {
    const plan = await this.dataSource.manager.findOneBy(PlanEntity, { id: input.planId });
    if (!plan) throw new PlanError('PLAN_NOT_FOUND');
    assertSameInstitution(input.principal, plan.ownerOrg);
    return this.reader.view(this.dataSource.manager, plan);
  }

  async revisions(input: { principal: Principal; planId: string }): Promise<PlanRevisionEntity[]> {
    const plan = await this.get(input);
    return this.dataSource.manager.find(PlanRevisionEntity, {
      where: { planId: plan.id },
      order: { revision: 'ASC' },
    });
  }

  private dueDays(): number {
    return this.config.REINTEGRATION_PLAN_DUE_DAYS;
  }

  private async lockManaged(
    em: EntityManager,
    input: { principal: Principal; planId: string; expectedVersion: number | undefined },
  ): Promise<PlanEntity> {
    const plan = await em.findOne(PlanEntity, {
      where: { id: input.planId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!plan) throw new PlanError('PLAN_NOT_FOUND');
    assertSameInstitution(input.principal, plan.ownerOrg);
    assertVersionMatches({ expected: input.expectedVersion, current: plan.version });
    return plan;
  }

  private async keepRevision(em: EntityManager, plan: PlanEntity, principal: Principal) {
    await em.insert(PlanRevisionEntity, {
      planId: plan.id,
      revision: plan.revision,
      assessment: plan.assessment,
      objectives: plan.objectives,
      assistance: plan.assistance,
      revisedBy: principal.sub,
      revisedAt: plan.updatedAt,
      approvedBy: null,
      approvedAt: null,
    });
  }
}

// Whitelisted copy: class instances from the pipe become plain JSON for the jsonb columns.
function contentOf(request: PlanContentDto) {
  return {
    assessment: {
      economicNeeds: [...request.assessment.economicNeeds],
      socialNeeds: [...request.assessment.socialNeeds],
      psychosocialNeeds: [...request.assessment.psychosocialNeeds],
      skills: [...request.assessment.skills],
      vulnerabilities: [...request.assessment.vulnerabilities],
    },
    objectives: [...request.objectives],
    assistance: request.assistance.map((item) => ({
      item: item.item,
      ...(item.amount !== undefined ? { amount: item.amount } : {}),
    })),
  };
}
