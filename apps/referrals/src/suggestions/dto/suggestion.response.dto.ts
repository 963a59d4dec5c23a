import { ApiProperty } from '@nestjs/swagger';
import { CRITERIA, type Suggestion } from '../suggestion-ranking';

export class SuggestionReasonResponseDto {
  @ApiProperty({ enum: CRITERIA }) readonly criterion: string;
  @ApiProperty({ nullable: true, type: Boolean, description: 'null when not known' })
  readonly met: boolean | null;
  @ApiProperty({ example: 'covers region 05' }) readonly detail: string;
}

export class SuggestionResponseDto {
  @ApiProperty({ format: 'uuid' }) readonly serviceId: string;
  @ApiProperty() readonly serviceName: string;
  @ApiProperty({ format: 'uuid' }) readonly partnerId: string;
  @ApiProperty() readonly partnerCode: string;
  @ApiProperty() readonly partnerName: string;
  @ApiProperty({
    description: 'Higher is better: eligibility 8, coverage 4, language 2, capacity 1',
  })
  readonly score: number;
  @ApiProperty({ nullable: true, type: Number }) readonly remainingCapacity: number | null;
  @ApiProperty({ type: [SuggestionReasonResponseDto] })
  readonly reasons: SuggestionReasonResponseDto[];
}

export function toSuggestionResponse(suggestion: Suggestion): SuggestionResponseDto {
  const { service } = suggestion;
  return {
    serviceId: service.serviceId,
    serviceName: service.serviceName,
    partnerId: service.partnerId,
    partnerCode: service.partnerCode,
    partnerName: service.partnerName,
    score: suggestion.score,
    remainingCapacity: suggestion.remainingCapacity,
    reasons: suggestion.reasons.map((reason) => ({ ...reason })),
  };
}
