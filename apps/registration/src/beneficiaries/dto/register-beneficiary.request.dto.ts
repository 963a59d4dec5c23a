import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BENEFICIARY_CATEGORIES, REGION_CODES, SEXES } from '@mrm/contracts';
import { IsIn, IsISO8601, IsOptional, Matches, MaxLength } from 'class-validator';

export class RegisterBeneficiaryRequestDto {
  @ApiProperty({ enum: BENEFICIARY_CATEGORIES, example: 'returning-moroccan' })
  @IsIn(BENEFICIARY_CATEGORIES)
  readonly category: string;

  @ApiProperty({ enum: SEXES, example: 'female' })
  @IsIn(SEXES)
  readonly sex: string;

  @ApiProperty({ example: '1991-04-17', description: 'Date of birth (YYYY-MM-DD)' })
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'birthDate must be YYYY-MM-DD' })
  readonly birthDate: string;

  @ApiProperty({ example: 'MA', description: 'Nationality, ISO 3166-1 alpha-2' })
  @Matches(/^[A-Z]{2}$/, { message: 'nationality must be an ISO 3166-1 alpha-2 code' })
  readonly nationality: string;

  @ApiProperty({ enum: REGION_CODES, example: '05' })
  @IsIn(REGION_CODES, { message: 'regionCode must be one of the 12 region codes 01..12' })
  readonly regionCode: string;

  @ApiPropertyOptional({ example: 'FORAS' })
  @IsOptional()
  @Matches(/^[A-Z0-9-]{2,32}$/, { message: 'programmeCode must be an upper-case programme code' })
  @MaxLength(32)
  readonly programmeCode?: string;
}
