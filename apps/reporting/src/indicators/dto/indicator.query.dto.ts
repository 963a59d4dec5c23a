import { ApiPropertyOptional } from '@nestjs/swagger';
import { REGION_CODES } from '@mrm/contracts';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';
import { PERIODS, type Period } from '../indicator-answer';
import { DIMENSIONS, type Dimension } from '../indicator-catalogue';

// Years a fact can carry; anything else (year 0, 275760) is a typing error, not a period.
export const PLAUSIBLE_YEAR = /^(19|20|21)\d{2}-/;

/** `groupBy=sex,region` or `groupBy=sex&groupBy=region`. */
function toList(value: unknown): unknown {
  const values: unknown[] = Array.isArray(value) ? (value as unknown[]) : [value];
  return values.flatMap((item) => (typeof item === 'string' ? item.split(',') : [item]));
}

export class IndicatorQueryDto {
  @ApiPropertyOptional({
    description: 'On or after (ISO-8601 date or date-time)',
    example: '2026-01-01T00:00:00Z',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(PLAUSIBLE_YEAR, { message: 'from must be a date between 1900 and 2199' })
  readonly from?: string;

  @ApiPropertyOptional({
    description: 'Before (ISO-8601 date or date-time)',
    example: '2027-01-01T00:00:00Z',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(PLAUSIBLE_YEAR, { message: 'to must be a date between 1900 and 2199' })
  readonly to?: string;

  @ApiPropertyOptional({ enum: PERIODS, description: 'Granularity of the period dimension' })
  @IsOptional()
  @IsIn(PERIODS)
  readonly period?: Period;

  @ApiPropertyOptional() @IsOptional() @Matches(/^[A-Z0-9-]{2,32}$/) readonly programme?: string;
  @ApiPropertyOptional({ description: 'Institution code' })
  @IsOptional()
  @Matches(/^[A-Z0-9-]{2,32}$/)
  readonly institution?: string;

  @ApiPropertyOptional({ enum: REGION_CODES })
  @IsOptional()
  @IsIn(REGION_CODES)
  readonly region?: string;

  @ApiPropertyOptional({
    description: 'Zero, one or two dimensions among the indicator’s disaggregations',
    enum: DIMENSIONS,
    isArray: true,
  })
  @IsOptional()
  @Transform(({ value }) => toList(value))
  @IsArray()
  @ArrayMaxSize(2)
  @IsIn(DIMENSIONS, { each: true })
  readonly groupBy?: Dimension[];
}
