import { ApiProperty } from '@nestjs/swagger';
import { ATTENDANCE_STATUSES } from '../attendance.entity';
import type { AttendanceSheet } from '../attendance-sheet';

export class AttendanceLineResponseDto {
  @ApiProperty({ format: 'uuid' }) readonly enrolmentId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) readonly beneficiaryId:
    string | null;
  @ApiProperty({ enum: ATTENDANCE_STATUSES }) readonly status: string;
}

export class AttendanceSheetResponseDto {
  @ApiProperty({ format: 'uuid' }) readonly sessionId: string;
  @ApiProperty({ format: 'uuid' }) readonly courseId: string;
  @ApiProperty({ type: [AttendanceLineResponseDto] }) readonly entries: AttendanceLineResponseDto[];
  @ApiProperty() readonly present: number;
  @ApiProperty() readonly absent: number;
  @ApiProperty() readonly excused: number;
  @ApiProperty({ description: 'False when the sheet was already recorded as sent' })
  readonly changed: boolean;
}

export function toAttendanceSheetResponse(sheet: AttendanceSheet): AttendanceSheetResponseDto {
  return {
    sessionId: sheet.sessionId,
    courseId: sheet.courseId,
    entries: sheet.lines.map((line) => ({
      enrolmentId: line.enrolmentId,
      beneficiaryId: line.beneficiaryId,
      status: line.status,
    })),
    ...sheet.counts,
    changed: sheet.changed,
  };
}
