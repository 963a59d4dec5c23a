import { defineErrorFamily } from '@mrm/errors';

export type AttendanceErrorCode =
  | 'ATTENDANCE_NOT_ENROLLED'
  | 'ATTENDANCE_DUPLICATE_LINE'
  | 'ATTENDANCE_SESSION_CANCELLED'
  | 'ATTENDANCE_COURSE_CLOSED';

export const AttendanceError = defineErrorFamily<AttendanceErrorCode>('training', {
  ATTENDANCE_NOT_ENROLLED: {
    status: 400,
    title: 'The sheet lists someone who holds no place in the course',
  },
  ATTENDANCE_DUPLICATE_LINE: { status: 400, title: 'The sheet lists a beneficiary twice' },
  ATTENDANCE_SESSION_CANCELLED: { status: 409, title: 'The session was cancelled' },
  ATTENDANCE_COURSE_CLOSED: {
    status: 409,
    title: 'Attendance is recorded while the course is open or running, until it completes',
  },
});
