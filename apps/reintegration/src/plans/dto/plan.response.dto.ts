import { ApiProperty } from '@nestjs/swagger';
import type { PlanRevisionEntity } from '../plan-revision.entity';
import type { PlanEntity } from '../plan.entity';
import { PLAN_STATUSES } from '../plan-vocabulary';
import { AssessmentDto, AssistanceItemDto } from './plan-parts.dto';

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
  @ApiProperty({ minimum: 1, description: 'Also the ETag' }) readonly version: number;
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

export function toPlanResponse(plan: PlanEntity): PlanResponseDto {
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
    version: plan.version,
  };
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
