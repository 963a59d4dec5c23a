import { ApiProperty } from '@nestjs/swagger';
import type { AttendanceImportReport } from '../attendance-import.service';

export class ImportRowResultDto {
  @ApiProperty({ description: 'Worksheet row number' }) readonly row: number;
  @ApiProperty() readonly beneficiaryId: string;
  @ApiProperty({ description: 'False when the row was left out of every sheet' })
  readonly accepted: boolean;
  @ApiProperty({ type: [String] }) readonly errors: string[];
}

export class ImportSessionResultDto {
  @ApiProperty({ format: 'uuid' }) readonly sessionId: string;
  @ApiProperty() readonly recorded: boolean;
  @ApiProperty({ description: 'False when the sheet was already as in the file' })
  readonly changed: boolean;
  @ApiProperty({ nullable: true, type: String, example: 'ATTENDANCE_SESSION_CANCELLED' })
  readonly error: string | null;
}

export class AttendanceImportReportDto {
  @ApiProperty({ type: [ImportRowResultDto] }) readonly rows: ImportRowResultDto[];
  @ApiProperty({ type: [ImportSessionResultDto] }) readonly sessions: ImportSessionResultDto[];
}

export function toAttendanceImportReport(
  report: AttendanceImportReport,
): AttendanceImportReportDto {
  return {
    rows: report.rows.map((row) => ({ ...row, errors: [...row.errors] })),
    sessions: report.sessions.map((session) => ({ ...session })),
  };
}
