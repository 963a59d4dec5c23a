import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REGION_CODES } from '@mrm/contracts';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { DHIS2_PERIOD_PATTERN } from '../dhis2/dhis2-period';

/** A DHIS2 data value set is for one period and one organisation unit (the nation or a region). */
export class Dhis2ExportQueryDto {
  @ApiProperty({
    example: '2026Q3',
    description: 'DHIS2 ISO period: yyyy, yyyyQn or yyyyMM',
    pattern: DHIS2_PERIOD_PATTERN.source,
  })
  @Matches(DHIS2_PERIOD_PATTERN, {
    message: 'period must be a DHIS2 period: 2026, 2026Q3 or 202609',
  })
  readonly period: string;

  @ApiPropertyOptional({ example: 'FORAS' })
  @IsOptional()
  @Matches(/^[A-Z0-9-]{2,32}$/, { message: 'programme must be a programme code' })
  readonly programme?: string;

  @ApiPropertyOptional({ description: 'Institution code' })
  @IsOptional()
  @Matches(/^[A-Z0-9-]{2,32}$/, { message: 'institution must be an institution code' })
  readonly institution?: string;

  @ApiPropertyOptional({ enum: REGION_CODES, description: 'The region as organisation unit' })
  @IsOptional()
  @IsIn(REGION_CODES)
  readonly region?: string;
}
