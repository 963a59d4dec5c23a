/** A cell of an exported table: text, a number, a flag or nothing. */
export type Cell = string | number | boolean | null;

// Spreadsheet programs run a cell that starts with one of these as a formula (CSV injection,
// OWASP): such text is prefixed with an apostrophe so it is shown, never evaluated.
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text safe to open in a spreadsheet: a leading formula character is neutralised. */
export function spreadsheetSafe(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * RFC 4180 CSV: CRLF line ends, fields with a quote, comma or line break quoted, quotes doubled.
 * Text cells are made formula-safe; numbers are written as numbers (a negative is not a formula).
 */
export function toCsv(rows: ReadonlyArray<readonly Cell[]>): string {
  return rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

function field(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell !== 'string') return String(cell);
  const text = spreadsheetSafe(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
