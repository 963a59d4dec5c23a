import { defineErrorFamily } from '@mrm/errors';

/** File-level refusals of a bulk import; row-level problems are reported in the import report. */
export type ImportErrorCode =
  | 'IMPORT_FILE_MISSING'
  | 'IMPORT_UNSUPPORTED_FILE_TYPE'
  | 'IMPORT_FILE_TOO_LARGE'
  | 'IMPORT_TOO_MANY_ROWS'
  | 'IMPORT_FILE_UNREADABLE'
  | 'IMPORT_COLUMNS_INVALID';

export const ImportError = defineErrorFamily<ImportErrorCode>('registration', {
  IMPORT_FILE_MISSING: { status: 400, title: 'The multipart field "file" is missing' },
  IMPORT_UNSUPPORTED_FILE_TYPE: {
    status: 415,
    title: 'Only CSV (UTF-8) and XLSX files can be imported',
  },
  IMPORT_FILE_TOO_LARGE: { status: 413, title: 'The file is larger than 10 MB' },
  IMPORT_TOO_MANY_ROWS: { status: 413, title: 'The file has more than 20,000 data rows' },
  IMPORT_FILE_UNREADABLE: { status: 400, title: 'The file cannot be read' },
  IMPORT_COLUMNS_INVALID: { status: 400, title: 'The columns do not follow the import template' },
});
