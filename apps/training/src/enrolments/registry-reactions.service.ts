import { Injectable } from '@nestjs/common';
import { enrolmentPromotedV1, enrolmentWithdrawnV1 } from '@mrm/contracts';
import { OutboxWriter } from '@mrm/messaging';
import type { EntityManager } from 'typeorm';
import type { CourseView } from '../courses/course-view';
import { CoursesService } from '../courses/courses.service';
import { participantDimensionsOf } from './enrolment-view';
import { EnrolmentEntity } from './enrolment.entity';
import { promoteIntoFreePlaces } from './waiting-list';

// Better first: the enrolment kept when a merge leaves a person twice in one course.
const RANK = { enrolled: 0, waiting: 1, withdrawn: 2 } as const;

/** What training does when registration erases or merges a beneficiary (in the delivery's transaction). */
@Injectable()
export class RegistryReactionsService {
  constructor(
    private readonly courses: CoursesService,
    private readonly outbox: OutboxWriter,
  ) {}

  /**
   * Erasure: the person's enrolments lose the beneficiary id and stay as anonymous counts; a place
   * held in a course still running is freed for the waiting list.
   */
  async onBeneficiaryErased(em: EntityManager, input: { beneficiaryId: string }): Promise<void> {
    const mine = await this.lockedEnrolments(em, input.beneficiaryId);
    for (const { enrolment, course } of mine) {
      enrolment.beneficiaryId = null;
      if (isActive(course) && enrolment.status !== 'withdrawn') {
        await this.withdraw(em, course, enrolment, 'beneficiary-erased');
      } else {
        await em.update(EnrolmentEntity, { id: enrolment.id }, { beneficiaryId: null });
      }
    }
  }

  /**
   * Merge: the duplicate's enrolments move to the survivor. Where both were in one course, the
   * better of the two is kept (a place over the waiting list, the survivor's on a tie) and the
   * other is withdrawn as `merged-duplicate` and anonymised.
   */
  async onBeneficiaryMerged(
    em: EntityManager,
    input: { duplicateId: string; survivorId: string },
  ): Promise<void> {
    for (const { enrolment, course } of await this.lockedEnrolments(em, input.duplicateId)) {
      const other = await em.findOneBy(EnrolmentEntity, {
        courseId: course.id,
        beneficiaryId: input.survivorId,
      });
      if (!other) {
        await em.update(EnrolmentEntity, { id: enrolment.id }, { beneficiaryId: input.survivorId });
        continue;
      }
      const [kept, dropped] =
        RANK[enrolment.status] < RANK[other.status] ? [enrolment, other] : [other, enrolment];
      dropped.beneficiaryId = null;
      await em.update(EnrolmentEntity, { id: dropped.id }, { beneficiaryId: null });
      await em.update(EnrolmentEntity, { id: kept.id }, { beneficiaryId: input.survivorId });
      if (isActive(course) && dropped.status !== 'withdrawn') {
        await this.withdraw(em, course, dropped, 'merged-duplicate');
      }
    }
  }

  // Course locks in id order, as one delivery may touch several courses.
  private async lockedEnrolments(
    em: EntityManager,
    beneficiaryId: string,
  ): Promise<Array<{ enrolment: EnrolmentEntity; course: CourseView }>> {
    const enrolments = await em.find(EnrolmentEntity, {
      where: { beneficiaryId },
      order: { courseId: 'ASC' },
    });
    const locked = [];
    for (const enrolment of enrolments) {
      locked.push({ enrolment, course: await this.courses.lockForUpdate(em, enrolment.courseId) });
    }
    return locked;
  }

  private async withdraw(
    em: EntityManager,
    course: CourseView,
    enrolment: EnrolmentEntity,
    reason: string,
  ): Promise<void> {
    const previousStatus = enrolment.status;
    const now = new Date();
    Object.assign(enrolment, {
      status: 'withdrawn',
      waitingPosition: null,
      withdrawalReason: reason,
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
        reason,
        withdrawnAt: now.toISOString(),
      },
      { subject: enrolment.id },
    );
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

function isActive(course: CourseView): boolean {
  return course.status === 'open' || course.status === 'running';
}
