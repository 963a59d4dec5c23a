import { Injectable } from '@nestjs/common';
import type { Principal } from '@mrm/auth';
import { courseCancelledV1, courseScheduledV1 } from '@mrm/contracts';
import { assertVersionMatches } from '@mrm/http';
import { OutboxWriter } from '@mrm/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import { assertCanManage } from './course-access';
import { courseDimensionsOf, type CourseStatus, type CourseView } from './course-view';
import { CourseError } from './course.errors';
import { CoursesService } from './courses.service';

interface TransitionInput {
  readonly principal: Principal;
  readonly courseId: string;
  readonly expectedVersion: number | undefined;
}

/**
 * draft → open → running; draft, open or running → cancelled. Completion (running → completed)
 * computes every enrolment's outcome and lives in the completion feature.
 */
@Injectable()
export class CourseLifecycleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly courses: CoursesService,
    private readonly outbox: OutboxWriter,
  ) {}

  /** Opens enrolment and announces the course (`course.scheduled.v1`). */
  async open(input: TransitionInput): Promise<CourseView> {
    return this.transition(input, ['draft'], 'open', async (em, course) => {
      await this.outbox.append(
        em,
        courseScheduledV1,
        {
          ...courseDimensionsOf(course),
          startsOn: course.startsOn,
          endsOn: course.endsOn,
          capacity: course.capacity,
        },
        { subject: course.id },
      );
    });
  }

  async start(input: TransitionInput): Promise<CourseView> {
    return this.transition(input, ['open'], 'running');
  }

  async cancel(input: TransitionInput & { reason: string }): Promise<CourseView> {
    return this.transition(input, ['draft', 'open', 'running'], 'cancelled', async (em, course) => {
      await this.outbox.append(
        em,
        courseCancelledV1,
        {
          ...courseDimensionsOf(course),
          reason: input.reason,
          cancelledAt: course.updatedAt.toISOString(),
        },
        { subject: course.id },
      );
    });
  }

  private async transition(
    input: TransitionInput & { reason?: string },
    from: readonly CourseStatus[],
    to: CourseStatus,
    announce?: (em: EntityManager, course: CourseView) => Promise<void>,
  ): Promise<CourseView> {
    return this.dataSource.transaction(async (em) => {
      const course = await this.courses.lockForUpdate(em, input.courseId);
      assertCanManage(input.principal, course);
      assertVersionMatches({ expected: input.expectedVersion, current: course.version });
      if (!from.includes(course.status)) {
        throw new CourseError('COURSE_STATUS_CONFLICT', {
          detail: `A ${course.status} course cannot become ${to}`,
        });
      }
      const updated = await this.courses.saveStatus(em, course, {
        status: to,
        cancellationReason: input.reason ?? null,
        completedAt: null,
      });
      await announce?.(em, updated);
      return updated;
    });
  }
}
