import { NestedObject } from '@mrm/http';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsUUID } from 'class-validator';
import { ATTENDANCE_STATUSES } from '../attendance.entity';

export class AttendanceLineDto {
  @ApiProperty({ format: 'uuid', description: 'Roster reference of an enrolled beneficiary' })
  @IsUUID()
  readonly beneficiaryId: string;

  @ApiProperty({ enum: ATTENDANCE_STATUSES })
  @IsIn(ATTENDANCE_STATUSES)
  readonly status: string;
}

/** The whole sheet of a session: it replaces the one recorded before. */
export class AttendanceSheetRequestDto {
  @ApiProperty({ type: [AttendanceLineDto], maxItems: 1000 })
  @IsArray()
  @ArrayMaxSize(1000)
  @NestedObject(() => AttendanceLineDto, { each: true })
  readonly entries: AttendanceLineDto[];
}
