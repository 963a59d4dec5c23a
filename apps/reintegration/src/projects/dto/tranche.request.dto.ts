import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { MAD_INPUT_PATTERN } from '../project-vocabulary';
import { IsCalendarDate } from './calendar-date';

const ORG_PATTERN = /^[A-Z0-9-]{2,32}$/;

export class PlanTrancheRequestDto {
  @ApiProperty({
    example: '5000.25',
    pattern: MAD_INPUT_PATTERN.source,
    description: 'MAD, a positive decimal string with at most 2 decimals',
  })
  @Matches(MAD_INPUT_PATTERN, { message: 'amount must be a positive MAD amount such as "1500.25"' })
  readonly amount: string;

  @ApiProperty({ example: '2027-01-15', format: 'date' })
  @IsCalendarDate()
  readonly plannedOn: string;

  @ApiProperty({ example: 'IOM', pattern: ORG_PATTERN.source, description: 'Paying institution' })
  @Matches(ORG_PATTERN, { message: 'payingOrg must be an institution code' })
  readonly payingOrg: string;
}

export class PayTrancheRequestDto {
  @ApiProperty({ example: '2027-01-20', format: 'date' })
  @IsCalendarDate()
  readonly paidOn: string;
}
