import { ApiProperty } from '@nestjs/swagger';
import type { MilestoneProgress } from '../milestones.service';

export class MilestoneStepResponseDto {
  @ApiProperty({ example: 'statutes-signed' }) readonly code: string;
  @ApiProperty({ example: 'Statutes signed' }) readonly title: string;
  @ApiProperty({ minimum: 1 }) readonly position: number;
  @ApiProperty({ nullable: true, type: String, example: '1000.00' })
  readonly minAmount: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) readonly reachedOn: string | null;
  @ApiProperty({ nullable: true, type: String }) readonly evidenceRef: string | null;
  @ApiProperty({ nullable: true, type: String, example: '1500.00' })
  readonly amount: string | null;
  @ApiProperty({ nullable: true, type: String }) readonly overrideReason: string | null;
}

export class MilestoneProgressResponseDto {
  @ApiProperty({ format: 'uuid' }) readonly projectId: string;
  @ApiProperty({ example: 'cooperative-112-12' }) readonly chainCode: string;
  @ApiProperty({ example: '2026-12-01' }) readonly chainVersion: string;
  @ApiProperty({ nullable: true, type: String, description: 'The next step in order' })
  readonly next: string | null;
  @ApiProperty({ minimum: 1, description: "The project's version, also the ETag" })
  readonly version: number;
  @ApiProperty({ type: [MilestoneStepResponseDto] }) readonly steps: MilestoneStepResponseDto[];
}

export function toMilestoneProgressResponse(
  progress: MilestoneProgress,
): MilestoneProgressResponseDto {
  const { project, chain, reached } = progress;
  const steps = chain.definition.steps.map((step, index) => {
    const row = reached.find((milestone) => milestone.code === step.code);
    return {
      code: step.code,
      title: step.title,
      position: index + 1,
      minAmount: step.minAmount ?? null,
      reachedOn: row?.reachedOn ?? null,
      evidenceRef: row?.evidenceRef ?? null,
      amount: row?.amount ?? null,
      overrideReason: row?.overrideReason ?? null,
    };
  });
  return {
    projectId: project.id,
    chainCode: chain.definition.code,
    chainVersion: chain.version,
    next: steps.find((step) => step.reachedOn === null)?.code ?? null,
    version: project.version,
    steps,
  };
}
