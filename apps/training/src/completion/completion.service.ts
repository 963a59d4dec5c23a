import { Injectable } from '@nestjs/common';
import type { Principal } from '@mrm/auth';
import { courseCompletedV1, enrolmentCompletedV1 } from '@mrm/contracts';
import { assertVersionMatches } from '@mrm/http';
import { OutboxWriter } from '@mrm/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import { AttendanceService } from '../attendance/attendance.service';
import { assertCanManage } from '../courses/course-access';
import { courseDimensionsOf, type CourseView } from '../courses/course-view';
import { CourseError } from '../courses/course.errors';
import { CoursesService } from '../courses/courses.service';
import { participantDimensionsOf } from '../enrolments/enrolment-view';
import { EnrolmentsService } from '../enrolments/enrolments.service';
import { SessionsService } from '../sessions/sessions.service';
import { judge, type HeldSession } from './completion-rule';

/**
 * running → completed: every enrolment holding a place gets its outcome by the course's rule, in
 * the same transaction as the status, so attendance cannot change under the computation.
 */
@Injectable()
export class CompletionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly courses: CoursesService,
    private readonly sessions: SessionsService,
    private readonly enrolments: EnrolmentsService,
    private readonly attendance: AttendanceService,
    private readonly outbox: OutboxWriter,
  ) {}

  async complete(input: {
    principal: Principal;
    courseId: string;
    expectedVersion: number | undefined;
  }): Promise<CourseView> {
    return this.dataSource.transaction(async (em) => {
      const course = await this.courses.lockForUpdate(em, input.courseId);
      assertCanManage(input.principal, course);
      assertVersionMatches({ expected: input.expectedVersion, current: course.version });
      if (course.status !== 'running') {
        throw new CourseError('COURSE_STATUS_CONFLICT', {
          detail: `A ${course.status} course cannot become completed`,
        });
      }
      const now = new Date();
      const completed = await this.courses.saveStatus(em, course, {
        status: 'completed',
        cancellationReason: null,
        completedAt: now,
      });
      await this.judgeEnrolments(em, completed, now);
      return completed;
    });
  }

  private async judgeEnrolments(em: EntityManager, course: CourseView, now: Date): Promise<void> {
    const held: HeldSession[] = (await this.sessions.heldSessions(em, course.id)).map(
      (session) => ({
        id: session.id,
        minutes: Math.round((session.endsAt.getTime() - session.startsAt.getTime()) / 60_000),
      }),
    );
    const lines = await this.attendance.linesOf(
      em,
      held.map((session) => session.id),
    );
    const enrolled = await this.enrolments.enrolledOf(em, course.id);
    let completedCount = 0;
    for (const enrolment of enrolled) {
      const presentAt = new Set(
        lines
          .filter((line) => line.enrolmentId === enrolment.id && line.status === 'present')
          .map((line) => line.sessionId),
      );
      const verdict = judge({
        ...course,
        held,
        presentAt,
        assessmentPassed: enrolment.assessmentPassed,
      });
      if (verdict.outcome === 'completed') completedCount += 1;
      const judged = await this.enrolments.saveOutcome(em, enrolment, {
        outcome: verdict.outcome,
        outcomeReason: verdict.reason,
        sessionsAttended: verdict.sessionsAttended,
        hoursAttended: verdict.hoursAttended,
        completedAt: now,
      });
      await this.outbox.append(
        em,
        enrolmentCompletedV1,
        {
          ...participantDimensionsOf(course, judged),
          outcome: verdict.outcome,
          ...(verdict.reason ? { reason: verdict.reason } : {}),
          hoursAttended: verdict.hoursAttended,
          sessionsAttended: verdict.sessionsAttended,
          sessionsHeld: held.length,
        },
        { subject: enrolment.id },
      );
    }
    await this.outbox.append(
      em,
      courseCompletedV1,
      {
        ...courseDimensionsOf(course),
        completedAt: now.toISOString(),
        sessionsHeld: held.length,
        enrolled: enrolled.length,
        completed: completedCount,
      },
      { subject: course.id },
    );
  }
}
