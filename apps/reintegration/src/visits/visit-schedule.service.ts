import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { uuidv7, visitOverdueV1, visitScheduledV1 } from '@mrm/contracts';
import { OutboxWriter, type OutboxEvent } from '@mrm/messaging';
import { SERVICE_CONFIG } from '@mrm/runtime';
import { Clock, TimerScheduler, TimerSweeper, type DueTimer } from '@mrm/timers';
import type { EntityManager } from 'typeorm';
import type { ProjectState } from '../projects/project-state';
import type { ReintegrationConfig } from '../reintegration.config';
import { monthsFor, readVisitScheduleFile, type VisitScheduleFile } from './visit-schedule-file';
import { VisitEntity } from './visit.entity';
import { VISIT_DUE_TIMER } from './visit-vocabulary';

const DAY_MS = 86_400_000;

/**
 * Plans a project's follow-up visits when it starts operating (months from the versioned schedule
 * file, per programme), each with a durable timer that marks it overdue once if not recorded by
 * its due date.
 */
@Injectable()
export class VisitScheduleService implements OnModuleInit {
  private schedules: VisitScheduleFile;

  constructor(
    private readonly outbox: OutboxWriter,
    private readonly timers: TimerScheduler,
    private readonly sweeper: TimerSweeper,
    private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) private readonly config: ReintegrationConfig,
  ) {}

  onModuleInit(): void {
    this.schedules = readVisitScheduleFile(this.config.REINTEGRATION_VISIT_SCHEDULES_FILE);
    this.sweeper.registerBatch(VISIT_DUE_TIMER, (em, timers) => this.markOverdue(em, timers));
  }

  /** In the transaction that made the project operating. */
  async scheduleFollowUps(em: EntityManager, project: ProjectState): Promise<void> {
    const months = monthsFor(this.schedules, project.programmeCode);
    // PostgreSQL's month arithmetic: 31 January + 1 month is 28 (or 29) February.
    const dues: Array<{ months: number; due_on: string }> = await em.query(
      `SELECT m AS months, ($1::date + make_interval(months => m))::date::text AS due_on
         FROM unnest($2::int[]) AS m ORDER BY m`,
      [project.operatingSince, months],
    );
    const now = this.clock.now();
    for (const [index, due] of dues.entries()) {
      const visit = em.create(VisitEntity, {
        id: uuidv7(),
        projectId: project.id,
        ownerOrg: project.ownerOrg,
        sequence: index + 1,
        monthsAfter: due.months,
        dueOn: due.due_on,
        scheduleVersion: this.schedules.version,
        version: 1,
        createdAt: now,
      });
      await em.insert(VisitEntity, visit);
      // Overdue once the due day is over (UTC).
      const dueAt = new Date(Date.parse(`${visit.dueOn}T00:00:00Z`) + DAY_MS);
      await this.timers.schedule(em, { kind: VISIT_DUE_TIMER, key: visit.id, dueAt });
      await this.outbox.append(
        em,
        visitScheduledV1,
        {
          visitId: visit.id,
          projectId: project.id,
          ownerOrg: project.ownerOrg,
          sequence: visit.sequence,
          monthsAfter: visit.monthsAfter,
          dueOn: visit.dueOn,
          scheduleVersion: visit.scheduleVersion,
        },
        { subject: project.id },
      );
    }
  }

  /** Recording a visit disarms its timer, in the recording's transaction. */
  async disarm(em: EntityManager, visitId: string): Promise<void> {
    await this.timers.cancel(em, { kind: VISIT_DUE_TIMER, key: visitId });
  }

  // Runs in the sweep's transaction for a batch of due visits, in one update and one insert; the
  // guarded update makes a late or repeated firing a no-op.
  private async markOverdue(em: EntityManager, timers: readonly DueTimer[]): Promise<void> {
    const overdueAt = this.clock.now();
    const [visits]: [
      Array<Pick<VisitEntity, 'id' | 'projectId' | 'ownerOrg' | 'sequence' | 'dueOn'>>,
    ] = await em.query(
      `UPDATE visit SET overdue_at = $2, version = version + 1
          WHERE id = ANY($1::uuid[]) AND recorded_at IS NULL AND overdue_at IS NULL
          RETURNING id, project_id AS "projectId", owner_org AS "ownerOrg", sequence,
                    due_on::text AS "dueOn"`,
      [timers.map((timer) => timer.key), overdueAt],
    );
    // Events in the timers' order (due first), not the update's.
    const position = new Map(timers.map((timer, index) => [timer.key, index]));
    visits.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
    const events: OutboxEvent[] = visits.map((visit) => ({
      definition: visitOverdueV1,
      data: {
        visitId: visit.id,
        projectId: visit.projectId,
        ownerOrg: visit.ownerOrg,
        sequence: visit.sequence,
        dueOn: visit.dueOn,
        overdueAt: overdueAt.toISOString(),
      },
      options: { subject: visit.projectId, time: overdueAt },
    }));
    await this.outbox.appendAll(em, events);
  }
}
