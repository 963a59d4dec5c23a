import ExcelJS from 'exceljs';

/** Opens an XLSX file with exceljs, as a spreadsheet program would. */
export async function readWorkbook(file: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // exceljs types its buffer as the older Node Buffer.
  await workbook.xlsx.load(file as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  return workbook;
}

/** A sheet's rows as arrays of cell values (exceljs's 1-based arrays made 0-based). */
export function rowsOf(sheet: ExcelJS.Worksheet): unknown[][] {
  return sheet
    .getSheetValues()
    .filter(Boolean)
    .map((row) => (row as unknown[]).slice(1));
}
