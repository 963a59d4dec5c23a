import { parse } from 'csv-parse/sync';
import { Workbook, type CellValue } from 'exceljs';
import { ImportError } from './import.errors';

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;
export const IMPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ImportTableRow {
  /** 1-based position below the header row; blank rows are skipped but keep their number. */
  readonly row: number;
  readonly cells: readonly string[];
}

export interface ImportTable {
  readonly headers: readonly string[];
  readonly rows: readonly ImportTableRow[];
}

interface RawRecord {
  /** 1-based record (CSV) or worksheet row number. */
  readonly line: number;
  readonly cells: string[];
}

/**
 * Reads the header and data rows of a CSV (UTF-8 with or without BOM, `,` or `;`) or of the first
 * worksheet of an XLSX. Refuses files over 10 MB or 20,000 data rows (413) and unreadable ones (400).
 */
export async function readTable(file: Buffer, format: ImportFormat): Promise<ImportTable> {
  if (file.length > MAX_IMPORT_BYTES) {
    throw new ImportError('IMPORT_FILE_TOO_LARGE', {
      detail: 'Split the file into parts of at most 10 MB',
    });
  }
  const records = (format === 'csv' ? readCsv(file) : await readXlsx(file)).filter((record) =>
    record.cells.some((cell) => cell.trim() !== ''),
  );
  if (records.length === 0) {
    throw new ImportError('IMPORT_FILE_UNREADABLE', { detail: 'The file has no header row' });
  }
  const [header, ...data] = records;
  if (data.length > MAX_IMPORT_ROWS) {
    throw new ImportError('IMPORT_TOO_MANY_ROWS', {
      detail: `The file has ${data.length} data rows; split it into parts of at most ${MAX_IMPORT_ROWS}`,
    });
  }
  return {
    headers: header.cells.map((cell) => cell.trim()),
    rows: data.map((record) => ({ row: record.line - header.line, cells: record.cells })),
  };
}

function readCsv(file: Buffer): RawRecord[] {
  let text: string;
  try {
    // The decoder drops a UTF-8 BOM; `fatal` refuses Windows-1252 and other legacy encodings.
    text = new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    throw new ImportError('IMPORT_FILE_UNREADABLE', {
      detail: 'The CSV is not UTF-8 text: save it as "CSV UTF-8"',
    });
  }
  try {
    const records = parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: false,
    }) as string[][];
    return records.map((cells, index) => ({ line: index + 1, cells }));
  } catch (error) {
    // csv-parse messages may quote the offending characters: report the code and line only.
    const { code, lines } = error as { code?: string; lines?: number };
    throw new ImportError('IMPORT_FILE_UNREADABLE', {
      detail: `Malformed CSV (${code ?? 'parse error'}${lines ? ` near line ${lines}` : ''})`,
    });
  }
}

/** `;` (French Excel) or `,`, whichever the header line uses more. */
export function detectDelimiter(text: string): ',' | ';' {
  const header = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  const count = (char: string) => header.split(char).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

async function readXlsx(file: Buffer): Promise<RawRecord[]> {
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(file as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    throw new ImportError('IMPORT_FILE_UNREADABLE', {
      detail: 'The file is not a readable XLSX workbook',
    });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) {
    throw new ImportError('IMPORT_FILE_UNREADABLE', { detail: 'The workbook has no worksheet' });
  }
  // Refuse before copying every cell; the exact count of non-empty rows is checked afterwards.
  if (sheet.actualRowCount > MAX_IMPORT_ROWS + 1) {
    throw new ImportError('IMPORT_TOO_MANY_ROWS', {
      detail: `The first worksheet has more than ${MAX_IMPORT_ROWS} data rows`,
    });
  }
  const records: RawRecord[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column += 1) {
      cells.push(cellText(row.getCell(column).value));
    }
    records.push({ line: rowNumber, cells });
  });
  return records;
}

/** The text of a cell: dates as `YYYY-MM-DD`, formulas by their result, rich text joined. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('formula' in value || 'sharedFormula' in value) {
      return cellText(value.result ?? null);
    }
    if ('hyperlink' in value) return String(value.text);
    if ('error' in value) return String(value.error);
    return '';
  }
  return String(value);
}
