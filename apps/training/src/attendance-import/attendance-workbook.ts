import { Workbook } from 'exceljs';
import { ArchiveRefused, checkArchive, type ArchiveLimits } from '@mrm/http';
import { AttendanceImportError } from './attendance-import.errors';

export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 2_000;
const SHEET = 'Attendance';
// 2,000 rows of a few dozen marks are under 3 MB of XML. The workbook is loaded whole (it is
// small), so what it may inflate to is kept low: about ten times this stays under 256 MB.
const ARCHIVE_LIMITS: ArchiveLimits = {
  maxEntries: 100,
  maxEntryBytes: 8 * 1024 * 1024,
  maxSharedStringsBytes: 4 * 1024 * 1024,
  maxTotalBytes: 12 * 1024 * 1024,
  maxRatio: 100,
};
const CODES: Record<string, string> = {
  p: 'present',
  present: 'present',
  a: 'absent',
  absent: 'absent',
  e: 'excused',
  excused: 'excused',
};

export interface TemplateColumn {
  readonly sessionId: string;
  readonly label: string;
}

/** One row of the trainer's sheet: a roster reference and, per session, the mark written. */
export interface WorkbookRow {
  readonly row: number;
  readonly beneficiaryId: string;
  readonly marks: ReadonlyArray<{ sessionId: string; raw: string; status: string | undefined }>;
}

/**
 * The template: row 1 labels (`beneficiaryId`, then each session's day and time), row 2 the
 * session ids the import reads, then one row per enrolled beneficiary. Marks are P, A or E.
 */
export async function buildTemplate(
  columns: readonly TemplateColumn[],
  beneficiaryIds: readonly string[],
): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet(SHEET);
  sheet.addRow(['beneficiaryId', ...columns.map((column) => column.label)]);
  sheet.addRow(['sessionId', ...columns.map((column) => column.sessionId)]);
  for (const id of beneficiaryIds) sheet.addRow([id]);
  sheet.getColumn(1).width = 40;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Reads a filled template; the file's size is bounded by the upload, its rows here. */
export async function readWorkbook(
  file: Buffer,
): Promise<{ sessionIds: string[]; rows: WorkbookRow[] }> {
  try {
    await checkArchive(file, ARCHIVE_LIMITS);
  } catch (error) {
    if (!(error instanceof ArchiveRefused)) throw error;
    throw error.reason === 'too-large'
      ? new AttendanceImportError('ATTENDANCE_IMPORT_TOO_LARGE', { detail: error.message })
      : new AttendanceImportError('ATTENDANCE_IMPORT_UNREADABLE');
  }
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw new AttendanceImportError('ATTENDANCE_IMPORT_UNREADABLE');
  }
  const sheet = workbook.getWorksheet(SHEET) ?? workbook.worksheets[0];
  if (!sheet || textOf(sheet.getRow(2).getCell(1).value) !== 'sessionId') {
    throw new AttendanceImportError('ATTENDANCE_IMPORT_UNREADABLE', {
      detail: 'Row 2 must hold "sessionId" and the session ids, as in the template',
    });
  }
  if (sheet.rowCount > MAX_IMPORT_ROWS + 2) {
    throw new AttendanceImportError('ATTENDANCE_IMPORT_TOO_MANY_ROWS', {
      detail: `At most ${MAX_IMPORT_ROWS} beneficiaries per file`,
    });
  }
  const header = sheet.getRow(2);
  const sessionIds: string[] = [];
  for (let column = 2; column <= header.cellCount; column++) {
    const id = textOf(header.getCell(column).value);
    if (id) sessionIds.push(id);
  }
  const rows: WorkbookRow[] = [];
  sheet.eachRow((row, number) => {
    if (number <= 2) return;
    const beneficiaryId = textOf(row.getCell(1).value);
    const marks = sessionIds
      .map((sessionId, index) => ({ sessionId, raw: textOf(row.getCell(index + 2).value) }))
      .filter((mark) => mark.raw !== '')
      .map((mark) => ({ ...mark, status: CODES[mark.raw.toLowerCase()] }));
    if (beneficiaryId || marks.length > 0) rows.push({ row: number, beneficiaryId, marks });
  });
  return { sessionIds, rows };
}

function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'text' in value) {
    return String(value.text).trim();
  }
  return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
}
