import { Injectable } from '@nestjs/common';
import type { Principal } from '@mrm/auth';
import {
  enrolmentCreatedV1,
  enrolmentPromotedV1,
  enrolmentWithdrawnV1,
  uuidv7,
} from '@mrm/contracts';
import { OutboxWriter } from '@mrm/messaging';
import { RosterService, type RosterBeneficiaryEntity } from '@mrm/roster';
import { DataSource, type EntityManager, type QueryFailedError } from 'typeorm';
import {
  assertCanEnrol,
  assertCanManage as assertCanManageEnrolments,
  assertCanSee,
} from '../courses/course-access';
import type { CourseView } from '../courses/course-view';
import { CoursesService } from '../courses/courses.service';
import { participantDimensionsOf, type EnrolmentView } from './enrolment-view';
import { EnrolmentEntity } from './enrolment.entity';
import { EnrolmentError } from './enrolment.errors';
import { enrolledCount, nextWaitingPosition, promoteIntoFreePlaces } from './waiting-list';

interface EnrolmentChange {
  readonly principal: Principal;
  readonly courseId: string;
  readonly enrolmentId: string;
}

@Injectable()
export class EnrolmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly courses: CoursesService,
    private readonly roster: RosterService,
    private readonly outbox: OutboxWriter,
  ) {}

  /**
   * Enrols a roster beneficiary, or puts them on the waiting list when the course is full. The
   * course row lock serialises concurrent enrolments, so the last place goes to exactly one.
   */
  async enrol(input: {
    principal: Principal;
    courseId: string;
    beneficiaryId: string;
  }): Promise<EnrolmentView> {
    return this.dataSource.transaction(async (em) => {
      const course = await this.courses.lockForUpdate(em, input.courseId);
      assertCanEnrol(input.principal, course);
      assertEnrolmentsOpen(course);
      const entry = await this.roster.resolveActive(em, input.beneficiaryId);
      assertTargeted(course, entry);
      const full = (await enrolledCount(em, course.id)) >= course.capacity;
      const now = new Date();
      const enrolment = em.create(EnrolmentEntity, {
        id: uuidv7(),
        courseId: course.id,
        beneficiaryId: entry.beneficiaryId,
        category: entry.category!,
        sex: entry.sex!,
        birthYear: entry.birthYear!,
        status: full ? 'waiting' : 'enrolled',
        waitingPosition: full ? await nextWaitingPosition(em, course.id) : null,
        ...NO_OUTCOME,
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
      await insertOnce(em, enrolment);
      await this.outbox.append(
        em,
        enrolmentCreatedV1,
        {
          ...participantDimensionsOf(course, enrolment),
          waiting: enrolment.status === 'waiting',
          ...(enrolment.waitingPosition !== null
            ? { waitingPosition: enrolment.waitingPosition }
            : {}),
        },
        { subject: enrolment.id },
      );
      return enrolment;
    });
  }

  /** Withdraws an enrolment; a freed place goes to the head of the waiting list. */
  async withdraw(input: EnrolmentChange & { reason: string }): Promise<EnrolmentView> {
    return this.dataSource.transaction(async (em) => {
      const course = await this.courses.lockForUpdate(em, input.courseId);
      assertCanEnrol(input.principal, course);
      assertEnrolmentsOpen(course);
      const enrolment = await findInCourse(em, course.id, input.enrolmentId);
      if (enrolment.status === 'withdrawn') throw new EnrolmentError('ENROLMENT_ALREADY_WITHDRAWN');
      const previousStatus = enrolment.status;
      const now = new Date();
      Object.assign(enrolment, {
        status: 'withdrawn',
        waitingPosition: null,
        withdrawalReason: input.reason,
        version: enrolment.version + 1,
        updatedAt: now,
      });
      await em.save(EnrolmentEntity, enrolment);
      await this.outbox.append(
        em,
        enrolmentWithdrawnV1,
        {
          ...participantDimensionsOf(course, enrolment),
          previousStatus,
          reason: input.reason,
          withdrawnAt: now.toISOString(),
        },
        { subject: enrolment.id },
      );
      await this.promote(em, course, now);
      return enrolment;
    });
  }

  /** Changes the capacity; more places promote the waiting list at once. */
  async changeCapacity(input: {
    principal: Principal;
    courseId: string;
    capacity: number;
  }): Promise<CourseView> {
    return this.dataSource.transaction(async (em) => {
      const course = await this.courses.lockForUpdate(em, input.courseId);
      assertCanEnrol(input.principal, course);
      assertEnrolmentsOpen(course);
      if (input.capacity < (await enrolledCount(em, course.id))) {
        throw new EnrolmentError('ENROLMENT_CAPACITY_BELOW_ENROLLED');
      }
      const updated = await this.courses.saveCapacity(em, course, input.capacity);
      await this.promote(em, updated, new Date());
      return updated;
    });
  }

  /** The course's enrolments: places first, then the waiting list in order, then withdrawals. */
  async list(input: {
    principal: Principal;
    courseId: string;
    status?: string;
  }): Promise<EnrolmentView[]> {
    const course = await this.courses.get(input);
    assertCanSee(input.principal, course);
    const query = this.dataSource
      .getRepository(EnrolmentEntity)
      .createQueryBuilder('e')
      .where('e.course_id = :courseId', { courseId: course.id })
      .orderBy("CASE e.status WHEN 'enrolled' THEN 0 WHEN 'waiting' THEN 1 ELSE 2 END")
      .addOrderBy('e.waiting_position')
      .addOrderBy('e.created_at')
      .addOrderBy('e.id');
    if (input.status) query.andWhere('e.status = :status', { status: input.status });
    return query.getMany();
  }

  /** The enrolments holding a place, for attendance and completion (caller holds the course lock). */
  async enrolledOf(em: EntityManager, courseId: string): Promise<EnrolmentView[]> {
    return em.find(EnrolmentEntity, {
      where: { courseId, status: 'enrolled' },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** Stores an enrolment's outcome, computed by completion under the course lock. */
  async saveOutcome(
    em: EntityManager,
    enrolment: EnrolmentView,
    outcome: Pick<
      EnrolmentView,
      'outcome' | 'outcomeReason' | 'sessionsAttended' | 'hoursAttended' | 'completedAt'
    >,
  ): Promise<EnrolmentView> {
    const change = { ...outcome, version: enrolment.version + 1, updatedAt: outcome.completedAt! };
    await em.update(EnrolmentEntity, { id: enrolment.id }, change);
    return { ...enrolment, ...change };
  }

  /** Records whether the participant passed the course's assessment, before completion. */
  async recordAssessment(input: EnrolmentChange & { passed: boolean }): Promise<EnrolmentView> {
    return this.dataSource.transaction(async (em) => {
      const course = await this.courses.lockForUpdate(em, input.courseId);
      assertCanManageEnrolments(input.principal, course);
      assertEnrolmentsOpen(course);
      const enrolment = await findInCourse(em, course.id, input.enrolmentId);
      if (enrolment.status !== 'enrolled') {
        throw new EnrolmentError('ENROLMENT_NOT_FOUND', { detail: 'The enrolment holds no place' });
      }
      Object.assign(enrolment, {
        assessmentPassed: input.passed,
        version: enrolment.version + 1,
        updatedAt: new Date(),
      });
      await em.save(EnrolmentEntity, enrolment);
      return enrolment;
    });
  }

  /**
   * Marks that the enrolment's survey was answered, once: anonymous answers are stored apart, so
   * this flag is what stops a second answer. Returns the enrolment as it was.
   */
  async markSurveyed(
    em: EntityManager,
    courseId: string,
    enrolmentId: string,
  ): Promise<EnrolmentView> {
    const enrolment = await findInCourse(em, courseId, enrolmentId);
    if (enrolment.outcome === null) throw new EnrolmentError('ENROLMENT_NOT_SURVEYABLE');
    if (enrolment.satisfactionRecordedAt !== null) {
      throw new EnrolmentError('ENROLMENT_ALREADY_SURVEYED');
    }
    const now = new Date();
    await em.update(
      EnrolmentEntity,
      { id: enrolment.id },
      { satisfactionRecordedAt: now, updatedAt: now },
    );
    return enrolment;
  }

  /** Every enrolment of the course, whatever its status. */
  async allOf(em: EntityManager, courseId: string): Promise<EnrolmentView[]> {
    return em.findBy(EnrolmentEntity, { courseId });
  }

  async findInCourse(
    em: EntityManager,
    courseId: string,
    enrolmentId: string,
  ): Promise<EnrolmentView> {
    return findInCourse(em, courseId, enrolmentId);
  }

  private async promote(em: EntityManager, course: CourseView, now: Date): Promise<void> {
    for (const promoted of await promoteIntoFreePlaces(em, course, now)) {
      await this.outbox.append(
        em,
        enrolmentPromotedV1,
        { ...participantDimensionsOf(course, promoted), promotedAt: now.toISOString() },
        { subject: promoted.id },
      );
    }
  }
}

const NO_OUTCOME = {
  withdrawalReason: null,
  assessmentPassed: null,
  outcome: null,
  outcomeReason: null,
  sessionsAttended: null,
  hoursAttended: null,
  completedAt: null,
  satisfactionRecordedAt: null,
} as const;

function assertEnrolmentsOpen(course: CourseView): void {
  if (course.status !== 'open' && course.status !== 'running') {
    throw new EnrolmentError('ENROLMENT_COURSE_NOT_OPEN', {
      detail: `The course is ${course.status}`,
    });
  }
}

function assertTargeted(course: CourseView, entry: RosterBeneficiaryEntity): void {
  if (entry.category !== null && course.targetCategories.includes(entry.category)) return;
  throw new EnrolmentError('ENROLMENT_CATEGORY_NOT_TARGETED', {
    violations: [
      {
        field: 'beneficiaryId',
        message: `the course targets ${course.targetCategories.join(', ')}`,
      },
    ],
  });
}

async function findInCourse(
  em: EntityManager,
  courseId: string,
  enrolmentId: string,
): Promise<EnrolmentEntity> {
  const found = await em.findOneBy(EnrolmentEntity, { id: enrolmentId, courseId });
  if (!found) throw new EnrolmentError('ENROLMENT_NOT_FOUND');
  return found;
}

async function insertOnce(em: EntityManager, enrolment: EnrolmentEntity): Promise<void> {
  try {
    await em.insert(EnrolmentEntity, enrolment);
  } catch (error) {
    const driverError = (error as QueryFailedError).driverError as
      { constraint?: string } | undefined;
    if (driverError?.constraint !== 'enrolment_course_id_beneficiary_id_key') throw error;
    throw new EnrolmentError('ENROLMENT_DUPLICATE');
  }
}
