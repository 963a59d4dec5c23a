import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BENEFICIARY_CATEGORIES, REGION_CODES, SEXES } from '@mrm/contracts';
import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';
import { PLAUSIBLE_YEAR } from '../../indicators/dto/indicator.query.dto';

export const BENEFICIARY_GROUP_BY = [
  'programme',
  'region',
  'sex',
  'category',
  'nationality',
] as const;
export type BeneficiaryGroupBy = (typeof BENEFICIARY_GROUP_BY)[number];

export class BeneficiaryIndicatorsQueryDto {
  @ApiProperty({ enum: BENEFICIARY_GROUP_BY })
  @IsIn(BENEFICIARY_GROUP_BY)
  readonly groupBy: BeneficiaryGroupBy;

  @ApiPropertyOptional({ enum: REGION_CODES })
  @IsOptional()
  @IsIn(REGION_CODES)
  readonly region?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[A-Z0-9-]{2,32}$/) readonly programme?: string;
  @ApiPropertyOptional({ enum: BENEFICIARY_CATEGORIES })
  @IsOptional()
  @IsIn(BENEFICIARY_CATEGORIES)
  readonly category?: string;
  @ApiPropertyOptional({ enum: SEXES }) @IsOptional() @IsIn(SEXES) readonly sex?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[A-Z]{2}$/) readonly nationality?: string;
  @ApiPropertyOptional({ description: 'Registered on or after (ISO-8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(PLAUSIBLE_YEAR, { message: 'registeredFrom must be a date between 1900 and 2199' })
  readonly registeredFrom?: string;
  @ApiPropertyOptional({ description: 'Registered before (ISO-8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(PLAUSIBLE_YEAR, { message: 'registeredTo must be a date between 1900 and 2199' })
  readonly registeredTo?: string;
}
