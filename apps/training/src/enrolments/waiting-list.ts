import type { CourseView } from '../courses/course-view';
import { EnrolmentEntity } from './enrolment.entity';
import type { EntityManager } from 'typeorm';

/** Enrolments holding a place in the course. Callers hold the course lock. */
export async function enrolledCount(em: EntityManager, courseId: string): Promise<number> {
  return em.countBy(EnrolmentEntity, { courseId, status: 'enrolled' });
}

/** The next position at the end of the waiting list; positions are never reused. */
export async function nextWaitingPosition(em: EntityManager, courseId: string): Promise<number> {
  const [{ last }]: Array<{ last: number | null }> = await em.query(
    `SELECT max(waiting_position) AS last FROM enrolment WHERE course_id = $1`,
    [courseId],
  );
  return (last ?? 0) + 1;
}

/**
 * Moves the head of the waiting list into the free places, in order. Callers hold the course lock,
 * so two freed places cannot promote the same enrolment. Returns the promoted enrolments.
 */
export async function promoteIntoFreePlaces(
  em: EntityManager,
  course: CourseView,
  now: Date,
): Promise<EnrolmentEntity[]> {
  const free = course.capacity - (await enrolledCount(em, course.id));
  if (free <= 0) return [];
  const next = await em.find(EnrolmentEntity, {
    where: { courseId: course.id, status: 'waiting' },
    order: { waitingPosition: 'ASC' },
    take: free,
  });
  for (const enrolment of next) {
    Object.assign(enrolment, {
      status: 'enrolled',
      waitingPosition: null,
      version: enrolment.version + 1,
      updatedAt: now,
    });
    await em.save(EnrolmentEntity, enrolment);
  }
  return next;
}
