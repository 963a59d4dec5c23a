import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { stream, type CellValue } from 'exceljs';
import { ImportError } from './import.errors';
import { ArchiveRefused, checkArchive, type ArchiveLimits } from '@mrm/http';

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;
export const IMPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
const MAX_CELL_LENGTH = 32_767;

// 20,000 rows of the template take a few MB of worksheet XML; these leave room tenfold and keep
// the reader's memory (the shared strings it caches) far under the process's 256 MB.
const XLSX_LIMITS: ArchiveLimits = {
  maxEntries: 200,
  maxEntryBytes: 64 * 1024 * 1024,
  maxSharedStringsBytes: 24 * 1024 * 1024,
  maxTotalBytes: 96 * 1024 * 1024,
  maxRatio: 100,
};
const XLSX_READER_OPTIONS = {
  worksheets: 'emit',
  sharedStrings: 'cache',
  // Styles tell date cells from numbers.
  styles: 'cache',
  hyperlinks: 'ignore',
  entries: 'ignore',
} as const;

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
  let line = 0;
  let kept = 0;
  let records: RawRecord[];
  try {
    // Blank records and those past the cap are dropped as they are parsed: 10 MB of empty lines
    // would otherwise become millions of arrays.
    records = parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: false,
      on_record: (cells: string[]) => {
        line += 1;
        if (!cells.some((cell) => cell.trim() !== '')) return null;
        kept += 1;
        return kept <= MAX_IMPORT_ROWS + 2 ? { line, cells } : null;
      },
    }) as RawRecord[];
  } catch (error) {
    // csv-parse messages may quote the offending characters: report the code and line only.
    const { code, lines } = error as { code?: string; lines?: number };
    throw new ImportError('IMPORT_FILE_UNREADABLE', {
      detail: `Malformed CSV (${code ?? 'parse error'}${lines ? ` near line ${lines}` : ''})`,
    });
  }
  return records;
}

/** `;` (French Excel) or `,`, whichever the header line uses more. */
export function detectDelimiter(text: string): ',' | ';' {
  const header = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  const count = (char: string) => header.split(char).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

async function readXlsx(file: Buffer): Promise<RawRecord[]> {
  try {
    await checkArchive(file, XLSX_LIMITS);
  } catch (error) {
    if (!(error instanceof ArchiveRefused)) throw error;
    throw error.reason === 'too-large'
      ? new ImportError('IMPORT_FILE_TOO_LARGE', {
          detail: `The workbook inflates beyond what an import of ${MAX_IMPORT_ROWS} rows needs (${error.message})`,
        })
      : new ImportError('IMPORT_FILE_UNREADABLE', {
          detail: 'The file is not a readable XLSX workbook',
        });
  }
  const records: RawRecord[] = [];
  let sheets = 0;
  try {
    // Streamed: rows are read one at a time and reading stops at the cap; only the shared strings
    // (bounded above) and the kept rows stay in memory.
    const reader = new stream.xlsx.WorkbookReader(Readable.from([file]), XLSX_READER_OPTIONS);
    for await (const sheet of reader) {
      sheets += 1;
      for await (const row of sheet) {
        const cells: string[] = [];
        for (let column = 1; column <= row.cellCount; column += 1) {
          cells.push(cellText(row.getCell(column).value));
        }
        if (!cells.some((cell) => cell.trim() !== '')) continue;
        records.push({ line: row.number, cells });
        if (records.length > MAX_IMPORT_ROWS + 1) break;
      }
      break; // the first worksheet only
    }
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError('IMPORT_FILE_UNREADABLE', {
      detail: 'The file is not a readable XLSX workbook',
    });
  }
  if (sheets === 0) {
    throw new ImportError('IMPORT_FILE_UNREADABLE', { detail: 'The workbook has no worksheet' });
  }
  return records;
}

/** The text of a cell: dates as `YYYY-MM-DD`, formulas by their result, rich text joined. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // A date-formatted cell holding text or an impossible serial: left for the row's validation.
    return Number.isNaN(value.getTime()) ? 'invalid date' : value.toISOString().slice(0, 10);
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('formula' in value || 'sharedFormula' in value) {
      return cellText(value.result ?? null);
    }
    if ('hyperlink' in value) return String(value.text);
    if ('error' in value) return String(value.error);
    return '';
  }
  const text = String(value);
  // Excel's own limit; a longer cell is not from a spreadsheet.
  if (text.length > MAX_CELL_LENGTH) {
    throw new ImportError('IMPORT_FILE_UNREADABLE', {
      detail: `A cell holds more than ${MAX_CELL_LENGTH} characters`,
    });
  }
  return text;
}
