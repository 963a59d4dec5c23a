import { ApiProperty } from '@nestjs/swagger';
import type { SatisfactionSummary } from '../satisfaction.service';

export class SatisfactionRecordedResponseDto {
  @ApiProperty({ format: 'uuid' }) readonly id: string;
  @ApiProperty({ format: 'uuid' }) readonly courseId: string;
  @ApiProperty() readonly anonymous: boolean;
}

export class SatisfactionSummaryResponseDto {
  @ApiProperty({ format: 'uuid' }) readonly courseId: string;
  @ApiProperty({ description: 'Answers received' }) readonly responses: number;
  @ApiProperty({ description: 'Answers with an overall score of 4 or 5' })
  readonly satisfied: number;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '96.00',
    description: 'Share of 4–5 answers in percent, exact decimal; null without answers',
  })
  readonly satisfactionRatePercent: string | null;
  @ApiProperty({ description: 'Answers that would recommend the course' })
  readonly wouldRecommend: number;
}

export function toSatisfactionRecordedResponse(input: {
  id: string;
  courseId: string;
  beneficiaryId: string | null;
}): SatisfactionRecordedResponseDto {
  return { id: input.id, courseId: input.courseId, anonymous: input.beneficiaryId === null };
}

export function toSatisfactionSummaryResponse(
  summary: SatisfactionSummary,
): SatisfactionSummaryResponseDto {
  return { ...summary };
}
