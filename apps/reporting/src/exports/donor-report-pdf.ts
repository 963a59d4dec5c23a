import PDFDocument from 'pdfkit';
import type { DonorReport } from './donor-report';
import { period } from './donor-report-workbook';
import { formatValue, groupLabel, SECTION_NAMES, SUPPRESSED_BOTH } from './export-labels';

// DejaVu Sans has the Latin accents and Arabic glyphs; fontkit shapes the Arabic.
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

/** The donor report as an A4 PDF: a heading per section, each figure in French and English. */
export function donorReportPdf(report: DonorReport): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: `Rapport aux bailleurs / Donor report — ${report.programme}` },
  });
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font(BOLD).fontSize(18).text('Rapport aux bailleurs / Donor report');
  doc.font(FONT).fontSize(11).text(`Programme ${report.programme}`).text(period(report));
  doc.fontSize(9).fillColor('#555555');
  doc.text(`Généré le / Generated at ${report.generatedAt.toISOString()}`);
  const threshold = report.sections[0]?.items[0]?.answer.suppression.threshold;
  if (threshold) {
    doc.text(
      `Les effectifs inférieurs à ${threshold} et les cellules qui les révéleraient sont supprimés. ` +
        `Counts under ${threshold} and the cells that would reveal them are suppressed.`,
    );
  }
  doc.fillColor('#000000');
  for (const { section, items } of report.sections) {
    const names = SECTION_NAMES[section];
    doc.moveDown(1).font(BOLD).fontSize(14).text(`${names.fr} / ${names.en}`);
    for (const { definition, answer } of items) {
      doc.moveDown(0.4).font(BOLD).fontSize(10);
      doc.text(`${definition.labels.fr} / ${definition.labels.en}`);
      doc.font(FONT).fontSize(9);
      const figure = (cell: { value: number | null; suppressed: boolean }) =>
        cell.suppressed ? SUPPRESSED_BOTH : formatValue(cell.value, answer.unit);
      doc.text(`Total : ${figure(answer.total)}`, { indent: 12 });
      for (const group of answer.groups) {
        const fr = groupLabel(group, answer.groupBy, 'fr');
        const en = groupLabel(group, answer.groupBy, 'en');
        doc.text(`${fr === en ? fr : `${fr} / ${en}`} : ${figure(group)}`, { indent: 12 });
      }
    }
  }
  doc.end();
  return done;
}
