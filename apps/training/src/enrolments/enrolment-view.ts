import type { ParticipantDimensions } from '@mrm/contracts';
import { courseDimensionsOf, type CourseView } from '../courses/course-view';

export const ENROLMENT_STATUSES = ['enrolled', 'waiting', 'withdrawn'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

/** An enrolment as other features of the service see it. */
export interface EnrolmentView {
  readonly id: string;
  readonly courseId: string;
  readonly beneficiaryId: string | null;
  readonly category: string;
  readonly sex: string;
  readonly birthYear: number;
  readonly status: EnrolmentStatus;
  readonly waitingPosition: number | null;
  readonly withdrawalReason: string | null;
  readonly assessmentPassed: boolean | null;
  readonly outcome: string | null;
  readonly outcomeReason: string | null;
  readonly sessionsAttended: number | null;
  readonly hoursAttended: string | null;
  readonly completedAt: Date | null;
  readonly satisfactionRecordedAt: Date | null;
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** The dimensions of an enrolment's events; no beneficiary id once the person was erased. */
export function participantDimensionsOf(
  course: CourseView,
  enrolment: EnrolmentView,
): ParticipantDimensions {
  return {
    ...courseDimensionsOf(course),
    enrolmentId: enrolment.id,
    ...(enrolment.beneficiaryId !== null ? { beneficiaryId: enrolment.beneficiaryId } : {}),
    category: enrolment.category,
    sex: enrolment.sex,
    birthYear: enrolment.birthYear,
  };
}
