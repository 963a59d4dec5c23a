import { IsInt, IsISO8601, IsUUID, Matches, Min } from 'class-validator';
import { defineEvent } from '../event-definition';
import { CourseDimensions } from './course-dimensions';

export class AttendanceRecordedV1 extends CourseDimensions {
  /** Session id in the training service. */
  @IsUUID() readonly sessionId: string;
  /** Day of the session in Africa/Casablanca (YYYY-MM-DD). */
  @IsISO8601({ strict: true }) readonly sessionDate: string;
  /** Length of the session in hours, an exact decimal as a string, e.g. `2.50`. */
  @Matches(/^\d{1,3}\.\d{2}$/) readonly sessionHours: string;
  /** Beneficiaries marked present on the sheet. */
  @IsInt() @Min(0) readonly present: number;
  /** Beneficiaries marked absent. */
  @IsInt() @Min(0) readonly absent: number;
  /** Beneficiaries excused. */
  @IsInt() @Min(0) readonly excused: number;
}

export const attendanceRecordedV1 = defineEvent({
  type: 'attendance.recorded.v1',
  producer: 'training',
  payload: AttendanceRecordedV1,
  description:
    "A session's attendance sheet was recorded or changed (the counts after the change).",
});
