import { ApiProperty } from '@nestjs/swagger';
import type { Page } from '@mrm/http';
import type { VisitEntity } from '../visit.entity';
import { SUPPORT_STATUSES, VISIT_STATUSES, type VisitStatus } from '../visit-vocabulary';

export class VisitResponseDto {
  @ApiProperty({ format: 'uuid' }) readonly id: string;
  @ApiProperty({ format: 'uuid' }) readonly projectId: string;
  @ApiProperty({ example: 'IOM' }) readonly ownerOrg: string;
  @ApiProperty({ minimum: 1 }) readonly sequence: number;
  @ApiProperty({ example: 3 }) readonly monthsAfter: number;
  @ApiProperty({ format: 'date' }) readonly dueOn: string;
  @ApiProperty({ example: '2026-12-01' }) readonly scheduleVersion: string;
  @ApiProperty({ enum: VISIT_STATUSES }) readonly status: VisitStatus;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  readonly overdueAt: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) readonly visitedOn: string | null;
  @ApiProperty({ nullable: true, type: Boolean }) readonly activityRunning: boolean | null;
  @ApiProperty({ nullable: true, type: String, example: '3200.50' })
  readonly monthlyIncome: string | null;
  @ApiProperty({ nullable: true, type: Number }) readonly jobsCreated: number | null;
  @ApiProperty({ nullable: true, type: Number }) readonly jobsHeldByWomen: number | null;
  @ApiProperty({ nullable: true, type: [String] }) readonly difficulties: string[] | null;
  @ApiProperty({ enum: SUPPORT_STATUSES, nullable: true }) readonly supportStatus: string | null;
  @ApiProperty({ nullable: true, type: [String] }) readonly nextSteps: string[] | null;
  @ApiProperty({ minimum: 1, description: 'Also the ETag' }) readonly version: number;
}

export class VisitPageResponseDto {
  @ApiProperty({ type: [VisitResponseDto] }) readonly items: VisitResponseDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page' })
  readonly nextCursor: string | null;
}

export function visitStatusOf(visit: VisitEntity): VisitStatus {
  if (visit.recordedAt !== null) return 'recorded';
  return visit.overdueAt !== null ? 'overdue' : 'scheduled';
}

export function toVisitResponse(visit: VisitEntity): VisitResponseDto {
  return {
    id: visit.id,
    projectId: visit.projectId,
    ownerOrg: visit.ownerOrg,
    sequence: visit.sequence,
    monthsAfter: visit.monthsAfter,
    dueOn: visit.dueOn,
    scheduleVersion: visit.scheduleVersion,
    status: visitStatusOf(visit),
    overdueAt: visit.overdueAt?.toISOString() ?? null,
    visitedOn: visit.visitedOn,
    activityRunning: visit.activityRunning,
    monthlyIncome: visit.monthlyIncome,
    jobsCreated: visit.jobsCreated,
    jobsHeldByWomen: visit.jobsHeldByWomen,
    difficulties: visit.difficulties,
    supportStatus: visit.supportStatus,
    nextSteps: visit.nextSteps,
    version: visit.version,
  };
}

export function toVisitPageResponse(page: Page<VisitEntity>): VisitPageResponseDto {
  return { items: page.items.map(toVisitResponse), nextCursor: page.nextCursor };
}
