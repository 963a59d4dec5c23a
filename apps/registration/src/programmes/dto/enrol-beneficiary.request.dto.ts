import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { IsCalendarDate } from './calendar-date';

export class EnrolBeneficiaryRequestDto {
  @ApiProperty({ example: '0193a3c4-5f1e-7d2a-9b8c-1234567890ab' })
  @IsUUID()
  readonly programmeId: string;

  @ApiProperty({ example: '2019-03-04', description: 'Within the programme period' })
  @IsCalendarDate()
  readonly enteredOn: string;
}
