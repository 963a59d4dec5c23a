import ExcelJS from 'exceljs';
import { spreadsheetSafe } from './csv-writer';
import type { DonorReport } from './donor-report';
import { groupLabel, SECTION_NAMES, SUPPRESSED_BOTH, TOTAL, UNIT_NAMES } from './export-labels';
import { NUMBER_FORMATS, querySheet } from './indicator-workbook';

const HEADER = [
  'Indicateur',
  'Indicator',
  'Ventilation',
  'Breakdown',
  'Valeur / Value',
  'Unité / Unit',
  'Identifiant / Id',
];

/** The donor report as a workbook: one sheet per section, French and English side by side. */
export async function donorReportWorkbook(report: DonorReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = report.generatedAt;
  for (const { section, items } of report.sections) {
    const names = SECTION_NAMES[section];
    const sheet = workbook.addWorksheet(`${names.fr} - ${names.en}`);
    sheet.addRow([`${names.fr} / ${names.en}`]).font = { bold: true, size: 14 };
    sheet.addRow([`Programme ${report.programme}`, period(report)]);
    sheet.addRow([]);
    sheet.addRow(HEADER).font = { bold: true };
    for (const { definition, answer } of items) {
      const unit = `${UNIT_NAMES[answer.unit].fr} / ${UNIT_NAMES[answer.unit].en}`;
      const cells = [
        { group: undefined, cell: answer.total },
        ...answer.groups.map((group) => ({ group, cell: group })),
      ];
      for (const { group, cell } of cells) {
        const row = sheet.addRow([
          definition.labels.fr,
          definition.labels.en,
          spreadsheetSafe(group ? groupLabel(group, answer.groupBy, 'fr') : TOTAL.fr),
          spreadsheetSafe(group ? groupLabel(group, answer.groupBy, 'en') : TOTAL.en),
          cell.suppressed ? SUPPRESSED_BOTH : cell.value,
          unit,
          definition.id,
        ]);
        row.getCell(5).numFmt = NUMBER_FORMATS[answer.unit];
        if (!group) row.font = { bold: true };
      }
    }
    sheet.columns.forEach((column, index) => (column.width = index < 2 ? 44 : 22));
  }
  const first = report.sections.flatMap((section) => section.items)[0]?.answer;
  if (first) {
    querySheet(workbook, first, {
      generatedAt: report.generatedAt,
      query: { programme: report.programme, from: report.from, to: report.to },
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** "Période / Period: 2026-01-01 → 2027-01-01". */
export function period(report: Pick<DonorReport, 'from' | 'to'>): string {
  return `Période / Period: ${report.from ?? '…'} → ${report.to ?? '…'}`;
}
