import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { MAD_INPUT_PATTERN } from '../../projects/project-vocabulary';
import { IsCalendarDate } from '../../projects/dto/calendar-date';

export class ReachMilestoneRequestDto {
  @ApiProperty({ example: 'statutes-signed', pattern: '^[a-z0-9][a-z0-9-]{0,63}$' })
  @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'milestone must be a step code' })
  readonly milestone: string;

  @ApiProperty({ example: '2027-02-01', format: 'date' })
  @IsCalendarDate()
  readonly reachedOn: string;

  @ApiProperty({
    example: 'ODCO-2027-00412',
    minLength: 1,
    maxLength: 200,
    description: "Reference of the evidence in the institution's archive",
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  readonly evidenceRef: string;

  @ApiPropertyOptional({
    example: '1500.00',
    pattern: MAD_INPUT_PATTERN.source,
    description: 'MAD shown by the evidence, required by steps with a minimum (capital)',
  })
  @IsOptional()
  @Matches(MAD_INPUT_PATTERN, { message: 'amount must be a positive MAD amount such as "1500.25"' })
  readonly amount?: string;

  @ApiPropertyOptional({
    example: 'Statutes signed before the name approval arrived by post',
    minLength: 10,
    maxLength: 500,
    description: 'Required to reach a milestone before an earlier one',
  })
  @IsOptional()
  @IsString()
  @MinLength(10)
  @MaxLength(500)
  readonly overrideReason?: string;
}
