import { ApiProperty } from '@nestjs/swagger';
import type { SurveyView } from '../surveys.service';

const SCORE = { nullable: true, type: String, example: '0.6125', description: 'Withheld: null' };

export class SurveyScoreResponseDto {
  @ApiProperty({ example: 'equal-weights-2026-12' }) readonly weightsVersion: string;
  @ApiProperty(SCORE) readonly economic: string | null;
  @ApiProperty(SCORE) readonly social: string | null;
  @ApiProperty(SCORE) readonly psychosocial: string | null;
  @ApiProperty(SCORE) readonly composite: string | null;
  @ApiProperty({ minimum: 0 }) readonly answeredItems: number;
  @ApiProperty({ format: 'date-time' }) readonly computedAt: string;
}

export class SurveyResponseDto {
  @ApiProperty({ format: 'uuid' }) readonly id: string;
  @ApiProperty({ format: 'uuid' }) readonly beneficiaryId: string;
  @ApiProperty({ example: 'IOM' }) readonly ownerOrg: string;
  @ApiProperty({ example: 'baseline' }) readonly wave: string;
  @ApiProperty({ format: 'date' }) readonly answeredOn: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } })
  readonly answers: Record<string, string>;
  @ApiProperty({
    type: [SurveyScoreResponseDto],
    description: 'One per weights version, oldest first',
  })
  readonly scores: SurveyScoreResponseDto[];
}

export class RescoreResponseDto {
  @ApiProperty({ example: 'equal-weights-2026-12' }) readonly weightsVersion: string;
  @ApiProperty({ minimum: 0, description: 'Responses newly scored with this version' })
  readonly rescored: number;
}

export function toSurveyResponse(view: SurveyView): SurveyResponseDto {
  const { response, scores } = view;
  return {
    id: response.id,
    beneficiaryId: response.beneficiaryId,
    ownerOrg: response.ownerOrg,
    wave: response.wave,
    answeredOn: response.answeredOn,
    answers: { ...response.answers },
    scores: scores.map((score) => ({
      weightsVersion: score.weightsVersion,
      economic: score.economic,
      social: score.social,
      psychosocial: score.psychosocial,
      composite: score.composite,
      answeredItems: score.answeredItems,
      computedAt: score.computedAt.toISOString(),
    })),
  };
}
