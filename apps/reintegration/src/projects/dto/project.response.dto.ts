import { ApiProperty } from '@nestjs/swagger';
import type { Page } from '@mrm/http';
import type { ProjectEntity } from '../project.entity';
import type { ProjectView } from '../project.reader';
import {
  BUDGET_LINE_KINDS,
  MEMBER_ROLES,
  PROJECT_KINDS,
  PROJECT_OUTCOMES,
  PROJECT_STATUSES,
} from '../project-vocabulary';

const MAD = { example: '12500.50', description: 'MAD, a decimal string with 2 decimals' };

export class ProjectMemberResponseDto {
  @ApiProperty({ format: 'uuid' }) readonly beneficiaryId: string;
  @ApiProperty({ enum: MEMBER_ROLES }) readonly role: string;
  @ApiProperty({ format: 'date-time' }) readonly joinedAt: string;
}

export class BudgetLineResponseDto {
  @ApiProperty({ format: 'uuid' }) readonly id: string;
  @ApiProperty({ enum: BUDGET_LINE_KINDS }) readonly kind: string;
  @ApiProperty({ example: 'Sewing machines' }) readonly label: string;
  @ApiProperty(MAD) readonly amount: string;
}

export class TrancheResponseDto {
  @ApiProperty({ format: 'uuid' }) readonly id: string;
  @ApiProperty({ minimum: 1 }) readonly sequence: number;
  @ApiProperty(MAD) readonly amount: string;
  @ApiProperty({ format: 'date' }) readonly plannedOn: string;
  @ApiProperty({ example: 'IOM' }) readonly payingOrg: string;
  @ApiProperty({ enum: ['planned', 'paid'] }) readonly status: 'planned' | 'paid';
  @ApiProperty({ format: 'date', nullable: true, type: String }) readonly paidOn: string | null;
}

export class ProjectTotalsResponseDto {
  @ApiProperty({ ...MAD, description: 'Sum of the cash budget lines' }) readonly budget: string;
  @ApiProperty({ ...MAD, description: 'Sum of the in-kind items' }) readonly inKind: string;
  @ApiProperty({ ...MAD, description: 'Sum of the tranches' }) readonly planned: string;
  @ApiProperty({ ...MAD, description: 'Sum of the paid tranches' }) readonly paid: string;
}

export class ProjectSummaryResponseDto {
  @ApiProperty({ format: 'uuid' }) readonly id: string;
  @ApiProperty({ example: 'IOM' }) readonly ownerOrg: string;
  @ApiProperty({ enum: PROJECT_KINDS }) readonly kind: string;
  @ApiProperty({ example: 'Coopérative Tifaouine' }) readonly title: string;
  @ApiProperty({ example: 'handicraft' }) readonly sector: string;
  @ApiProperty({ example: '05' }) readonly regionCode: string;
  @ApiProperty({ example: 'Khénifra' }) readonly commune: string;
  @ApiProperty({ nullable: true, type: String }) readonly programmeCode: string | null;
  @ApiProperty({ example: 'cooperative-112-12' }) readonly chainCode: string;
  @ApiProperty({ example: '2026-12-01' }) readonly chainVersion: string;
  @ApiProperty({ enum: PROJECT_STATUSES }) readonly status: string;
  @ApiProperty({ format: 'date', nullable: true, type: String })
  readonly operatingSince: string | null;
  @ApiProperty({ enum: PROJECT_OUTCOMES, nullable: true }) readonly outcome: string | null;
  @ApiProperty({ minimum: 1, description: 'Also the ETag' }) readonly version: number;
  @ApiProperty({ format: 'date-time' }) readonly createdAt: string;
  @ApiProperty({ format: 'date-time' }) readonly updatedAt: string;
}

export class ProjectResponseDto extends ProjectSummaryResponseDto {
  @ApiProperty({ type: [ProjectMemberResponseDto] }) readonly members: ProjectMemberResponseDto[];
  @ApiProperty({ type: [BudgetLineResponseDto] }) readonly budgetLines: BudgetLineResponseDto[];
  @ApiProperty({ type: [TrancheResponseDto] }) readonly tranches: TrancheResponseDto[];
  @ApiProperty({ type: ProjectTotalsResponseDto }) readonly totals: ProjectTotalsResponseDto;
}

export class ProjectPageResponseDto {
  @ApiProperty({ type: [ProjectSummaryResponseDto] }) readonly items: ProjectSummaryResponseDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page' })
  readonly nextCursor: string | null;
}

export function toProjectSummaryResponse(project: ProjectEntity): ProjectSummaryResponseDto {
  return {
    id: project.id,
    ownerOrg: project.ownerOrg,
    kind: project.kind,
    title: project.title,
    sector: project.sector,
    regionCode: project.regionCode,
    commune: project.commune,
    programmeCode: project.programmeCode,
    chainCode: project.chainCode,
    chainVersion: project.chainVersion,
    status: project.status,
    operatingSince: project.operatingSince,
    outcome: project.outcome,
    version: project.version,
    createdAt: project.createdAt.toISOString(),
    updatedAt: project.updatedAt.toISOString(),
  };
}

/** Copies whitelisted fields only; amounts stay the decimal strings PostgreSQL returned. */
export function toProjectResponse(view: ProjectView): ProjectResponseDto {
  return {
    ...toProjectSummaryResponse(view.project),
    members: view.members.map((member) => ({
      beneficiaryId: member.beneficiaryId,
      role: member.role,
      joinedAt: member.joinedAt.toISOString(),
    })),
    budgetLines: view.budgetLines.map((line) => ({
      id: line.id,
      kind: line.kind,
      label: line.label,
      amount: line.amount,
    })),
    tranches: view.tranches.map((tranche) => ({
      id: tranche.id,
      sequence: tranche.sequence,
      amount: tranche.amount,
      plannedOn: tranche.plannedOn,
      payingOrg: tranche.payingOrg,
      status: tranche.paidOn === null ? 'planned' : 'paid',
      paidOn: tranche.paidOn,
    })),
    totals: { ...view.totals },
  };
}

export function toProjectPageResponse(page: Page<ProjectEntity>): ProjectPageResponseDto {
  return { items: page.items.map(toProjectSummaryResponse), nextCursor: page.nextCursor };
}
