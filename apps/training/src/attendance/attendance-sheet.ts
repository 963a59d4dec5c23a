import type { AttendanceStatus } from './attendance.entity';

export interface AttendanceLine {
  readonly enrolmentId: string;
  readonly beneficiaryId: string | null;
  readonly status: AttendanceStatus;
}

export interface AttendanceCounts {
  readonly present: number;
  readonly absent: number;
  readonly excused: number;
}

/** A session's sheet as recorded, and whether the last request changed it. */
export interface AttendanceSheet {
  readonly sessionId: string;
  readonly courseId: string;
  readonly lines: readonly AttendanceLine[];
  readonly counts: AttendanceCounts;
  readonly changed: boolean;
}

export function countsOf(lines: readonly { status: AttendanceStatus }[]): AttendanceCounts {
  const count = (status: AttendanceStatus) => lines.filter((line) => line.status === status).length;
  return { present: count('present'), absent: count('absent'), excused: count('excused') };
}
