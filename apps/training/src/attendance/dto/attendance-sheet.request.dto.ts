import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsObject, IsUUID, ValidateNested } from 'class-validator';
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
  // An array in place of an item would pass nested validation and break the code that reads it.
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => AttendanceLineDto)
  readonly entries: AttendanceLineDto[];
}
