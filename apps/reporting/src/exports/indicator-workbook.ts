import ExcelJS from 'exceljs';
import type { IndicatorAnswer } from '../indicators/indicator-answer';
import type { IndicatorDefinition, IndicatorUnit } from '../indicators/indicator-catalogue';
import { spreadsheetSafe } from './csv-writer';
import { groupLabel, SUPPRESSED_BOTH, UNIT_NAMES } from './export-labels';
import { dimensionHeader } from './indicator-table';

/** Excel number formats by unit: shares as percentages, money with centimes. */
export const NUMBER_FORMATS: Readonly<Record<IndicatorUnit, string>> = {
  count: '#,##0',
  share: '0.0%',
  MAD: '#,##0.00',
  days: '0.0',
  score: '0.000',
};

/** What the export was asked and when, written on its own sheet and in the audit. */
export interface ExportContext {
  readonly generatedAt: Date;
  readonly query: Record<string, unknown>;
}

/** One indicator answer as a workbook: the figures, then what was asked and how fresh it is. */
export async function indicatorWorkbook(
  definition: IndicatorDefinition,
  answer: IndicatorAnswer,
  context: ExportContext,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = context.generatedAt;
  const sheet = workbook.addWorksheet('Indicateur - Indicator');
  sheet.addRow([definition.labels.fr]).font = { bold: true, size: 14 };
  sheet.addRow([definition.labels.en]).font = { italic: true };
  sheet.addRow([definition.definition.fr]);
  sheet.addRow([definition.definition.en]);
  sheet.addRow([`Unité / Unit: ${UNIT_NAMES[answer.unit].fr} / ${UNIT_NAMES[answer.unit].en}`]);
  sheet.addRow([]);
  const header = sheet.addRow([
    ...answer.groupBy.map(dimensionHeader),
    'Libellé / Label',
    'Valeur / Value',
    'Numérateur / Numerator',
    'Dénominateur / Denominator',
  ]);
  header.font = { bold: true };
  const rows = [
    ...answer.groups.map((group) => ({ group, cell: group })),
    { group: undefined, cell: answer.total },
  ];
  for (const { group, cell } of rows) {
    const keys = answer.groupBy.map((dimension) =>
      group ? (group.keys[dimension] ?? '') : 'total',
    );
    const parts =
      group && !group.suppressed
        ? [group.numerator ?? null, group.denominator ?? null]
        : [null, null];
    const row = sheet.addRow([
      ...keys.map(spreadsheetSafe),
      spreadsheetSafe(groupLabel(group, answer.groupBy, 'fr') || 'Total'),
      cell.suppressed ? SUPPRESSED_BOTH : cell.value,
      ...parts,
    ]);
    row.getCell(answer.groupBy.length + 2).numFmt = NUMBER_FORMATS[answer.unit];
    if (!group) row.font = { bold: true };
  }
  sheet.columns.forEach((column) => (column.width = 24));
  querySheet(workbook, answer, context);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** What was asked, the suppression applied and the freshness of each source stream. */
export function querySheet(
  workbook: ExcelJS.Workbook,
  answer: Pick<IndicatorAnswer, 'suppression' | 'freshness'>,
  context: ExportContext,
): void {
  const sheet = workbook.addWorksheet('Requête - Query');
  sheet.addRow(['Généré le / Generated at', context.generatedAt.toISOString()]);
  for (const [key, value] of Object.entries(context.query)) {
    if (value === undefined) continue;
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    sheet.addRow([key, spreadsheetSafe(text)]);
  }
  sheet.addRow(['Seuil de suppression / Suppression threshold', answer.suppression.threshold]);
  sheet.addRow(['Cellules supprimées / Suppressed cells', answer.suppression.cells]);
  sheet.addRow(['Suppressions complémentaires / Complementary', answer.suppression.complementary]);
  sheet.addRow([]);
  sheet.addRow(['Flux / Stream', 'Appliqué jusqu’au / Applied up to', 'Séquence / Sequence']).font =
    {
      bold: true,
    };
  for (const [stream, freshness] of Object.entries(answer.freshness)) {
    sheet.addRow([stream, freshness.appliedUpTo ?? '—', freshness.lastSequence]);
  }
  sheet.columns.forEach((column) => (column.width = 40));
}
