import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { IsCalendarDay } from './calendar-day';

/** A donor report is for one programme and one period. */
export class DonorReportQueryDto {
  @ApiProperty({ example: 'FORAS', description: 'Programme code' })
  @Matches(/^[A-Z0-9-]{2,32}$/, { message: 'programme must be a programme code' })
  readonly programme: string;

  @ApiProperty({ example: '2026-01-01', description: 'First day of the period' })
  @IsCalendarDay()
  readonly from: string;

  @ApiProperty({ example: '2027-01-01', description: 'Day after the period (exclusive)' })
  @IsCalendarDay()
  readonly to: string;
}
