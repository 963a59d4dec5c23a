import { ApiProperty } from '@nestjs/swagger';
import type { Page } from '@mrm/http';
import { COURSE_KINDS } from '@mrm/contracts';
import type { PlanRevisionEntity } from '../plan-revision.entity';
import type { PlanView } from '../plan.reader';
import { PLAN_STATUSES } from '../plan-vocabulary';
import type { TrainingCompletion } from '../training-completions.service';
import { AssessmentDto, AssistanceItemDto } from './plan-parts.dto';

/** A training the beneficiary completed (from training's `enrolment.completed.v1`). */
export class CompletedTrainingResponseDto {
  @ApiProperty({ format: 'uuid' }) readonly enrolmentId: string;
  @ApiProperty({ format: 'uuid' }) readonly courseId: string;
  @ApiProperty({ enum: COURSE_KINDS, example: 'entrepreneurship-marketing' })
  readonly courseKind: string;
  @ApiProperty({ example: 'FORAS' }) readonly programmeCode: string;
  @ApiProperty({ example: 'IOM' }) readonly organisingOrg: string;
  @ApiProperty({ example: '24.00', description: 'Exact decimal' }) readonly hoursAttended: string;
  @ApiProperty({ format: 'date-time' }) readonly completedAt: string;
}

export class PlanResponseDto {
  @ApiProperty({ format: 'uuid' }) readonly id: string;
  @ApiProperty({ format: 'uuid' }) readonly beneficiaryId: string;
  @ApiProperty({ example: 'IOM' }) readonly ownerOrg: string;
  @ApiProperty({ enum: PLAN_STATUSES }) readonly status: string;
  @ApiProperty({ minimum: 1 }) readonly revision: number;
  @ApiProperty({ format: 'date' }) readonly referenceDate: string;
  @ApiProperty({ format: 'date', description: 'referenceDate + the configured delay' })
  readonly dueOn: string;
  @ApiProperty({ type: AssessmentDto }) readonly assessment: AssessmentDto;
  @ApiProperty({ type: [String] }) readonly objectives: string[];
  @ApiProperty({ type: [AssistanceItemDto] }) readonly assistance: AssistanceItemDto[];
  @ApiProperty({ nullable: true, type: String }) readonly approvedBy: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  readonly approvedAt: string | null;
  @ApiProperty({ type: [CompletedTrainingResponseDto] })
  readonly completedTrainings: CompletedTrainingResponseDto[];
  @ApiProperty({ minimum: 1, description: 'Also the ETag' }) readonly version: number;
}

export class PlanPageResponseDto {
  @ApiProperty({ type: [PlanResponseDto] }) readonly items: PlanResponseDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page' })
  readonly nextCursor: string | null;
}

export class PlanRevisionResponseDto {
  @ApiProperty({ minimum: 1 }) readonly revision: number;
  @ApiProperty({ type: AssessmentDto }) readonly assessment: AssessmentDto;
  @ApiProperty({ type: [String] }) readonly objectives: string[];
  @ApiProperty({ type: [AssistanceItemDto] }) readonly assistance: AssistanceItemDto[];
  @ApiProperty() readonly revisedBy: string;
  @ApiProperty({ format: 'date-time' }) readonly revisedAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  readonly approvedAt: string | null;
}

function toCompletedTrainingResponse(training: TrainingCompletion): CompletedTrainingResponseDto {
  return {
    enrolmentId: training.enrolmentId,
    courseId: training.courseId,
    courseKind: training.courseKind,
    programmeCode: training.programmeCode,
    organisingOrg: training.organisingOrg,
    hoursAttended: training.hoursAttended,
    completedAt: new Date(training.completedAt).toISOString(),
  };
}

export function toPlanResponse(plan: PlanView): PlanResponseDto {
  return {
    id: plan.id,
    beneficiaryId: plan.beneficiaryId,
    ownerOrg: plan.ownerOrg,
    status: plan.status,
    revision: plan.revision,
    referenceDate: plan.referenceDate,
    dueOn: plan.dueOn,
    assessment: plan.assessment,
    objectives: [...plan.objectives],
    assistance: plan.assistance,
    approvedBy: plan.approvedBy,
    approvedAt: plan.approvedAt?.toISOString() ?? null,
    completedTrainings: plan.completedTrainings.map(toCompletedTrainingResponse),
    version: plan.version,
  };
}

export function toPlanPageResponse(page: Page<PlanView>): PlanPageResponseDto {
  return { items: page.items.map(toPlanResponse), nextCursor: page.nextCursor };
}

export function toPlanRevisionResponse(revision: PlanRevisionEntity): PlanRevisionResponseDto {
  return {
    revision: revision.revision,
    assessment: revision.assessment,
    objectives: [...revision.objectives],
    assistance: revision.assistance,
    revisedBy: revision.revisedBy,
    revisedAt: revision.revisedAt.toISOString(),
    approvedAt: revision.approvedAt?.toISOString() ?? null,
  };
}
