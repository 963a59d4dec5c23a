import { defineErrorFamily } from '@mrm/errors';

export type AttendanceImportErrorCode =
  | 'ATTENDANCE_IMPORT_FILE_MISSING'
  | 'ATTENDANCE_IMPORT_UNREADABLE'
  | 'ATTENDANCE_IMPORT_TOO_MANY_ROWS'
  | 'ATTENDANCE_IMPORT_TOO_LARGE'
  | 'ATTENDANCE_IMPORT_UNKNOWN_SESSION';

export const AttendanceImportError = defineErrorFamily<AttendanceImportErrorCode>('training', {
  ATTENDANCE_IMPORT_FILE_MISSING: {
    status: 400,
    title: 'Send the XLSX file as multipart/form-data in the field "file"',
  },
  ATTENDANCE_IMPORT_UNREADABLE: {
    status: 400,
    title: 'The file is not an attendance workbook made from the template',
  },
  ATTENDANCE_IMPORT_TOO_MANY_ROWS: { status: 413, title: 'The workbook has too many rows' },
  ATTENDANCE_IMPORT_TOO_LARGE: {
    status: 413,
    title: 'The workbook inflates beyond what an attendance sheet needs',
  },
  ATTENDANCE_IMPORT_UNKNOWN_SESSION: {
    status: 400,
    title: 'A column names a session that is not one of the course’s',
  },
});
