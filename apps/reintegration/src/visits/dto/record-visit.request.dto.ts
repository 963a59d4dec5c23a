import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { PROJECT_OUTCOMES, type ProjectOutcome } from '../../projects/project-vocabulary';
import {
  DIFFICULTIES,
  NEXT_STEPS,
  SUPPORT_STATUSES,
  type SupportStatus,
} from '../visit-vocabulary';
import { IsCalendarDate } from '../../projects/dto/calendar-date';

// Zero is a real income for a dormant activity, unlike a budget line.
const MAD_OR_ZERO = /^(0|[1-9][0-9]{0,11})(\.[0-9]{1,2})?$/;

export class RecordVisitRequestDto {
  @ApiProperty({ example: '2027-05-28', format: 'date' })
  @IsCalendarDate()
  readonly visitedOn: string;

  @ApiProperty({ example: true }) @IsBoolean() readonly activityRunning: boolean;

  @ApiProperty({
    example: '3200.50',
    pattern: MAD_OR_ZERO.source,
    description: 'MAD, a decimal string with at most 2 decimals',
  })
  @Matches(MAD_OR_ZERO, { message: 'monthlyIncome must be a MAD amount such as "3200.50"' })
  readonly monthlyIncome: string;

  @ApiProperty({ minimum: 0, maximum: 10000, example: 3 })
  @IsInt()
  @Min(0)
  @Max(10000)
  readonly jobsCreated: number;

  @ApiProperty({ minimum: 0, maximum: 10000, example: 2, description: 'At most jobsCreated' })
  @IsInt()
  @Min(0)
  @Max(10000)
  readonly jobsHeldByWomen: number;

  @ApiProperty({ enum: DIFFICULTIES, isArray: true, example: ['market-access'] })
  @IsArray()
  @ArrayMaxSize(DIFFICULTIES.length)
  @ArrayUnique()
  @IsIn(DIFFICULTIES, { each: true })
  readonly difficulties: string[];

  @ApiProperty({ enum: SUPPORT_STATUSES, example: 'ongoing' })
  @IsIn(SUPPORT_STATUSES)
  readonly supportStatus: SupportStatus;

  @ApiProperty({ enum: NEXT_STEPS, isArray: true, example: ['continue-monitoring'] })
  @IsArray()
  @ArrayMaxSize(NEXT_STEPS.length)
  @ArrayUnique()
  @IsIn(NEXT_STEPS, { each: true })
  readonly nextSteps: string[];

  @ApiPropertyOptional({
    enum: PROJECT_OUTCOMES,
    description: "Required with the project's last visit, which closes the project",
  })
  @IsOptional()
  @IsIn(PROJECT_OUTCOMES)
  readonly outcome?: ProjectOutcome;
}
