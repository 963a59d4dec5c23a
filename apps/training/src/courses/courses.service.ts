import { Injectable } from '@nestjs/common';
import { canSeeAllInstitutions, type Principal } from '@mrm/auth';
import { uuidv7 } from '@mrm/contracts';
import {
  assertVersionMatches,
  decodeCursor,
  DEFAULT_PAGE_LIMIT,
  toPage,
  type Page,
} from '@mrm/http';
import { DataSource, type EntityManager } from 'typeorm';
import { assertCanManage, assertCanSee, managesEveryCourse } from './course-access';
import type { CourseView } from './course-view';
import { CourseEntity } from './course.entity';
import { CourseError } from './course.errors';
import type { CreateCourseRequestDto } from './dto/create-course.request.dto';
import type { ListCoursesQueryDto } from './dto/list-courses.query.dto';
import type { UpdateCourseRequestDto } from './dto/update-course.request.dto';

@Injectable()
export class CoursesService {
  constructor(private readonly dataSource: DataSource) {}

  /** A draft course; coordinators may organise it for any institution, others for their own. */
  async create(input: {
    principal: Principal;
    request: CreateCourseRequestDto;
  }): Promise<CourseView> {
    const { principal, request } = input;
    if (!managesEveryCourse(principal) && request.organisingOrg !== principal.org) {
      throw new CourseError('COURSE_ORG_MISMATCH');
    }
    assertPeriod(request.startsOn, request.endsOn);
    const now = new Date();
    const course = this.dataSource.getRepository(CourseEntity).create({
      ...request,
      id: uuidv7(),
      venue: request.venue ?? null,
      minAttendancePercent: request.minAttendancePercent ?? 80,
      assessmentRequired: request.assessmentRequired ?? false,
      status: 'draft',
      cancellationReason: null,
      completedAt: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    await this.dataSource.getRepository(CourseEntity).insert(course);
    return course;
  }

  async get(input: { principal: Principal; courseId: string }): Promise<CourseView> {
    const course = await this.dataSource
      .getRepository(CourseEntity)
      .findOneBy({ id: input.courseId });
    if (!course) throw new CourseError('COURSE_NOT_FOUND');
    assertCanSee(input.principal, course);
    return course;
  }

  /** Newest first, only the courses the caller may see. */
  async list(input: { principal: Principal } & ListCoursesQueryDto): Promise<Page<CourseView>> {
    const { principal } = input;
    const limit = input.limit ?? DEFAULT_PAGE_LIMIT;
    const after = decodeCursor(input.cursor);
    const query = this.dataSource
      .getRepository(CourseEntity)
      .createQueryBuilder('c')
      .orderBy('c.created_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(limit + 1);
    if (!canSeeAllInstitutions(principal) && !principal.roles.includes('analyst')) {
      query.andWhere('(c.organising_org = :org OR (:trainer AND :sub = ANY(c.trainer_ids)))', {
        org: principal.org,
        sub: principal.sub,
        trainer: principal.roles.includes('trainer'),
      });
    }
    if (input.status) query.andWhere('c.status = :status', { status: input.status });
    if (input.kind) query.andWhere('c.kind = :kind', { kind: input.kind });
    if (input.programmeCode) {
      query.andWhere('c.programme_code = :programmeCode', { programmeCode: input.programmeCode });
    }
    if (after) query.andWhere('(c.created_at, c.id) < (:createdAt, :id)', after);
    return toPage({
      rows: await query.getMany(),
      limit,
      keyOf: (row) => ({ createdAt: row.createdAt.toISOString(), id: row.id }),
      map: (row): CourseView => row,
    });
  }

  /** Edits a course not yet completed or cancelled, under If-Match. */
  async update(input: {
    principal: Principal;
    courseId: string;
    patch: UpdateCourseRequestDto;
    expectedVersion: number | undefined;
  }): Promise<CourseView> {
    const { principal, courseId, patch } = input;
    return this.dataSource.transaction(async (em) => {
      const course = await lockCourse(em, courseId);
      assertCanManage(principal, course);
      assertVersionMatches({ expected: input.expectedVersion, current: course.version });
      if (course.status === 'completed' || course.status === 'cancelled') {
        throw new CourseError('COURSE_NOT_EDITABLE');
      }
      Object.assign(course, definedOnly(patch));
      assertPeriod(course.startsOn, course.endsOn);
      course.version += 1;
      course.updatedAt = new Date();
      await em.save(CourseEntity, course);
      return course;
    });
  }

  /**
   * Loads and locks the course row for the rest of the caller's transaction: every change to its
   * enrolments takes this lock first, which is what serialises the last free places.
   */
  async lockForUpdate(em: EntityManager, courseId: string): Promise<CourseView> {
    return lockCourse(em, courseId);
  }

  /** Saves a capacity change made by the enrolments feature, which moves the waiting list. */
  async saveCapacity(em: EntityManager, course: CourseView, capacity: number): Promise<CourseView> {
    const updated = { ...course, capacity, version: course.version + 1, updatedAt: new Date() };
    await em.update(
      CourseEntity,
      { id: course.id },
      { capacity, version: updated.version, updatedAt: updated.updatedAt },
    );
    return updated;
  }

  /** Saves a status change made by the lifecycle or completion, bumping the version. */
  async saveStatus(
    em: EntityManager,
    course: CourseView,
    change: Pick<CourseView, 'status' | 'cancellationReason' | 'completedAt'>,
  ): Promise<CourseView> {
    const updated = { ...course, ...change, version: course.version + 1, updatedAt: new Date() };
    await em.update(
      CourseEntity,
      { id: course.id },
      { ...change, version: updated.version, updatedAt: updated.updatedAt },
    );
    return updated;
  }
}

async function lockCourse(em: EntityManager, courseId: string): Promise<CourseEntity> {
  const course = await em.findOne(CourseEntity, {
    where: { id: courseId },
    lock: { mode: 'pessimistic_write' },
  });
  if (!course) throw new CourseError('COURSE_NOT_FOUND');
  return course;
}

// ISO dates (YYYY-MM-DD) compare correctly as strings.
function assertPeriod(startsOn: string, endsOn: string): void {
  if (endsOn >= startsOn) return;
  throw new CourseError('COURSE_PERIOD_INVALID', {
    violations: [{ field: 'endsOn', message: 'endsOn must not be before startsOn' }],
  });
}

function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(patch).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}
