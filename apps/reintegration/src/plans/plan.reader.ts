import { Injectable } from '@nestjs/common';
import { canSeeAllPersonalFiles, type Principal } from '@mrm/auth';
import { decodeCursor, DEFAULT_PAGE_LIMIT, toPage, type Page } from '@mrm/http';
import { Clock } from '@mrm/timers';
import { DataSource, type EntityManager } from 'typeorm';
import { PlanEntity } from './plan.entity';
import type { PlanStatus } from './plan-vocabulary';
import {
  TrainingCompletionsService,
  type TrainingCompletion,
} from './training-completions.service';

/** A plan as the API shows it: with the trainings its beneficiary completed. */
export type PlanView = PlanEntity & { readonly completedTrainings: TrainingCompletion[] };

/** The read side of plans: the trainings shown with them, and the list. */
@Injectable()
export class PlanReader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly completions: TrainingCompletionsService,
    private readonly clock: Clock,
  ) {}

  async view(em: EntityManager, plan: PlanEntity): Promise<PlanView> {
    return { ...plan, completedTrainings: await this.completions.of(em, [plan.beneficiaryId]) };
  }

  /** The caller's institution's plans (all for national roles), newest first. */
  async list(input: {
    principal: Principal;
    status?: PlanStatus;
    beneficiaryId?: string;
    overdue?: boolean;
    limit?: number;
    cursor?: string;
  }): Promise<Page<PlanView>> {
    const limit = input.limit ?? DEFAULT_PAGE_LIMIT;
    const after = decodeCursor(input.cursor);
    const query = this.dataSource
      .getRepository(PlanEntity)
      .createQueryBuilder('p')
      .orderBy('p.created_at', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .limit(limit + 1);
    if (!canSeeAllPersonalFiles(input.principal)) {
      query.andWhere('p.owner_org = :org', { org: input.principal.org });
    }
    if (input.status) query.andWhere('p.status = :status', { status: input.status });
    if (input.beneficiaryId) {
      query.andWhere('p.beneficiary_id = :beneficiaryId', { beneficiaryId: input.beneficiaryId });
    }
    // Overdue: still a draft after its due date (Casablanca and UTC share the calendar day here).
    const today = this.clock.now().toISOString().slice(0, 10);
    if (input.overdue === true) {
      query.andWhere("p.status = 'draft' AND p.due_on < :today", { today });
    } else if (input.overdue === false) {
      query.andWhere("NOT (p.status = 'draft' AND p.due_on < :today)", { today });
    }
    if (after) query.andWhere('(p.created_at, p.id) < (:createdAt, :id)', after);
    const rows = await query.getMany();
    const trainings = await this.completions.of(
      this.dataSource.manager,
      rows.map((row) => row.beneficiaryId),
    );
    return toPage({
      rows,
      limit,
      keyOf: (row) => ({ createdAt: row.createdAt.toISOString(), id: row.id }),
      map: (row) => ({
        ...row,
        completedTrainings: trainings.filter((t) => t.beneficiaryId === row.beneficiaryId),
      }),
    });
  }
}
