import { ApiProperty } from '@nestjs/swagger';
import { ENROLMENT_OUTCOMES } from '@mrm/contracts';
import { ENROLMENT_STATUSES } from '../enrolment-view';
import type { EnrolmentView } from '../enrolment-view';

export class EnrolmentResponseDto {
  @ApiProperty({ format: 'uuid' }) readonly id: string;
  @ApiProperty({ format: 'uuid' }) readonly courseId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Null once erased' })
  readonly beneficiaryId: string | null;
  @ApiProperty({ enum: ENROLMENT_STATUSES }) readonly status: string;
  @ApiProperty({ nullable: true, type: Number, minimum: 1, description: 'While waiting' })
  readonly waitingPosition: number | null;
  @ApiProperty({ nullable: true, type: String }) readonly withdrawalReason: string | null;
  @ApiProperty({ nullable: true, type: Boolean }) readonly assessmentPassed: boolean | null;
  @ApiProperty({ nullable: true, enum: ENROLMENT_OUTCOMES }) readonly outcome: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'attendance-below-minimum' })
  readonly outcomeReason: string | null;
  @ApiProperty({ nullable: true, type: Number }) readonly sessionsAttended: number | null;
  @ApiProperty({ nullable: true, type: String, example: '12.50', description: 'Exact decimal' })
  readonly hoursAttended: string | null;
  @ApiProperty({ description: 'Also the ETag' }) readonly version: number;
  @ApiProperty({ format: 'date-time' }) readonly createdAt: string;
}

export class EnrolmentListResponseDto {
  @ApiProperty({
    type: [EnrolmentResponseDto],
    description: 'Enrolled first, then the waiting list in order',
  })
  readonly items: EnrolmentResponseDto[];
}

/** Copies whitelisted fields only: the roster dimensions stay for the events. */
export function toEnrolmentResponse(enrolment: EnrolmentView): EnrolmentResponseDto {
  return {
    id: enrolment.id,
    courseId: enrolment.courseId,
    beneficiaryId: enrolment.beneficiaryId,
    status: enrolment.status,
    waitingPosition: enrolment.waitingPosition,
    withdrawalReason: enrolment.withdrawalReason,
    assessmentPassed: enrolment.assessmentPassed,
    outcome: enrolment.outcome,
    outcomeReason: enrolment.outcomeReason,
    sessionsAttended: enrolment.sessionsAttended,
    hoursAttended: enrolment.hoursAttended,
    version: enrolment.version,
    createdAt: enrolment.createdAt.toISOString(),
  };
}

export function toEnrolmentListResponse(items: readonly EnrolmentView[]): EnrolmentListResponseDto {
  return { items: items.map(toEnrolmentResponse) };
}
