import { Injectable } from '@nestjs/common';
import type { Principal } from '@mrm/auth';
import { uuidv7 } from '@mrm/contracts';
import { assertVersionMatches } from '@mrm/http';
import { DataSource, type EntityManager } from 'typeorm';
import { assertCanManage } from '../courses/course-access';
import type { CourseView } from '../courses/course-view';
import { CoursesService } from '../courses/courses.service';
import { casablancaInstant } from './casablanca-time';
import { CourseSessionEntity } from './course-session.entity';
import type { CreateSessionRequestDto } from './dto/create-session.request.dto';
import type { RescheduleSessionRequestDto } from './dto/reschedule-session.request.dto';
import { SessionError } from './session.errors';
import type { SessionView } from './session-view';

interface SessionChange {
  readonly principal: Principal;
  readonly sessionId: string;
  readonly expectedVersion: number | undefined;
}

@Injectable()
export class SessionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly courses: CoursesService,
  ) {}

  async create(input: {
    principal: Principal;
    courseId: string;
    request: CreateSessionRequestDto;
  }): Promise<SessionView> {
    const { request } = input;
    return this.dataSource.transaction(async (em) => {
      const course = await this.courses.lockForUpdate(em, input.courseId);
      assertCanManage(input.principal, course);
      assertCourseOpenForChanges(course);
      const now = new Date();
      const session = em.create(CourseSessionEntity, {
        id: uuidv7(),
        courseId: course.id,
        ...timesWithin(course, request),
        venue: request.venue ?? course.venue,
        onlineLink: request.onlineLink ?? null,
        trainerId: request.trainerId ?? null,
        status: 'scheduled',
        cancellationReason: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
      await em.insert(CourseSessionEntity, session);
      return session;
    });
  }

  /** The course's sessions in time order (a course has tens of them, not thousands). */
  async listForCourse(input: { principal: Principal; courseId: string }): Promise<SessionView[]> {
    await this.courses.get(input);
    return this.dataSource
      .getRepository(CourseSessionEntity)
      .find({ where: { courseId: input.courseId }, order: { startsAt: 'ASC', id: 'ASC' } });
  }

  async get(input: { principal: Principal; sessionId: string }): Promise<SessionView> {
    const session = await this.dataSource
      .getRepository(CourseSessionEntity)
      .findOneBy({ id: input.sessionId });
    if (!session) throw new SessionError('SESSION_NOT_FOUND');
    await this.courses.get({ principal: input.principal, courseId: session.courseId });
    return session;
  }

  async reschedule(
    input: SessionChange & { request: RescheduleSessionRequestDto },
  ): Promise<SessionView> {
    return this.change(input, (session, course) => {
      if (session.status === 'cancelled') throw new SessionError('SESSION_CANCELLED');
      Object.assign(session, timesWithin(course, input.request));
      if (input.request.venue !== undefined) session.venue = input.request.venue;
      if (input.request.onlineLink !== undefined) session.onlineLink = input.request.onlineLink;
    });
  }

  async cancel(input: SessionChange & { reason: string }): Promise<SessionView> {
    return this.change(input, (session) => {
      if (session.status === 'cancelled') throw new SessionError('SESSION_CANCELLED');
      session.status = 'cancelled';
      session.cancellationReason = input.reason;
    });
  }

  /**
   * Locks the session's course then the session, for attendance: the caller's transaction then
   * sees neither change under it. The course lock comes first, as everywhere else.
   */
  async lockWithCourse(
    em: EntityManager,
    sessionId: string,
  ): Promise<{ session: SessionView; course: CourseView }> {
    const found = await em.findOneBy(CourseSessionEntity, { id: sessionId });
    if (!found) throw new SessionError('SESSION_NOT_FOUND');
    const course = await this.courses.lockForUpdate(em, found.courseId);
    const session = await em.findOneOrFail(CourseSessionEntity, {
      where: { id: sessionId },
      lock: { mode: 'pessimistic_write' },
    });
    return { session, course };
  }

  /** The sessions that were held (not cancelled), for completion and certificates. */
  async heldSessions(em: EntityManager, courseId: string): Promise<SessionView[]> {
    return em.find(CourseSessionEntity, {
      where: { courseId, status: 'scheduled' },
      order: { startsAt: 'ASC', id: 'ASC' },
    });
  }

  private async change(
    input: SessionChange,
    apply: (session: CourseSessionEntity, course: CourseView) => void,
  ): Promise<SessionView> {
    return this.dataSource.transaction(async (em) => {
      const { session, course } = await this.lockWithCourse(em, input.sessionId);
      assertCanManage(input.principal, course);
      assertVersionMatches({ expected: input.expectedVersion, current: session.version });
      assertCourseOpenForChanges(course);
      const entity = session as CourseSessionEntity;
      apply(entity, course);
      entity.version += 1;
      entity.updatedAt = new Date();
      await em.save(CourseSessionEntity, entity);
      return entity;
    });
  }
}

function assertCourseOpenForChanges(course: CourseView): void {
  if (course.status === 'completed' || course.status === 'cancelled') {
    throw new SessionError('SESSION_COURSE_CLOSED');
  }
}

function timesWithin(
  course: CourseView,
  request: { date: string; startTime: string; endTime: string },
): { startsAt: Date; endsAt: Date } {
  if (request.date < course.startsOn || request.date > course.endsOn) {
    throw new SessionError('SESSION_OUTSIDE_COURSE_PERIOD', {
      violations: [
        { field: 'date', message: `date must fall within ${course.startsOn} to ${course.endsOn}` },
      ],
    });
  }
  if (request.endTime <= request.startTime) {
    throw new SessionError('SESSION_TIMES_INVALID', {
      violations: [{ field: 'endTime', message: 'endTime must be after startTime' }],
    });
  }
  return {
    startsAt: casablancaInstant(request.date, request.startTime),
    endsAt: casablancaInstant(request.date, request.endTime),
  };
}
