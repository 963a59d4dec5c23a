import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DIMENSIONS, INDICATOR_UNITS } from '../indicator-catalogue';
import { LabelsDto } from './indicator-catalogue.response.dto';

export class SuppressibleValueDto {
  @ApiProperty({ type: Number, nullable: true, example: 42 }) readonly value: number | null;
  @ApiProperty({ example: false }) readonly suppressed: boolean;
}

export class IndicatorGroupDto extends SuppressibleValueDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { sex: 'female', region: '05' },
  })
  readonly keys: Record<string, string>;
  @ApiProperty({
    type: 'object',
    additionalProperties: {},
    description: 'Per dimension: { fr, ar, en } or the code itself',
  })
  readonly labels: Record<string, unknown>;
  @ApiPropertyOptional({ type: Number, nullable: true }) readonly numerator?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) readonly denominator?: number | null;
}

export class SuppressionDto {
  @ApiProperty({ example: 5 }) readonly threshold: number;
  @ApiProperty({ example: 1 }) readonly cells: number;
  @ApiProperty({ example: 1 }) readonly complementary: number;
}

export class StreamFreshnessDto {
  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  readonly appliedUpTo: string | null;
  @ApiProperty({ type: Number, nullable: true }) readonly lastSequence: number | null;
}

export class IndicatorAnswerDto {
  @ApiProperty({ example: 'beneficiaries-registered' }) readonly indicator: string;
  @ApiProperty({ enum: INDICATOR_UNITS }) readonly unit: string;
  @ApiProperty({ type: LabelsDto }) readonly labels: LabelsDto;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } })
  readonly filters: Record<string, string>;
  @ApiProperty({ enum: DIMENSIONS, isArray: true }) readonly groupBy: string[];
  @ApiProperty({ type: SuppressibleValueDto }) readonly total: SuppressibleValueDto;
  @ApiProperty({ type: [IndicatorGroupDto] }) readonly groups: IndicatorGroupDto[];
  @ApiProperty({ type: SuppressionDto }) readonly suppression: SuppressionDto;
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/StreamFreshnessDto' },
  })
  readonly freshness: Record<string, StreamFreshnessDto>;
}
