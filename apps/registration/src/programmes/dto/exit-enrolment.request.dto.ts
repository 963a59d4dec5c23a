import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsCalendarDate } from './calendar-date';

/** Why a beneficiary left a programme: codes rather than free text, for reports. Wire values. */
export const ENROLMENT_EXIT_REASONS = [
  'completed',
  'dropped-out',
  'no-longer-eligible',
  'transferred',
  'other',
] as const;

export class ExitEnrolmentRequestDto {
  @ApiProperty({ example: '2019-11-29', description: 'On or after the entry date' })
  @IsCalendarDate()
  readonly exitedOn: string;

  @ApiProperty({ enum: ENROLMENT_EXIT_REASONS, example: 'completed' })
  @IsIn(ENROLMENT_EXIT_REASONS)
  readonly reason: string;
}
