import { anAnswer } from '../../test/support/answers';
import { pdfText } from '../../test/support/pdf-text';
import { readWorkbook, rowsOf } from '../../test/support/read-workbook';
import { breakdownOf, indicatorsBySection, type DonorReport } from './donor-report';
import { donorReportPdf } from './donor-report-pdf';
import { donorReportWorkbook } from './donor-report-workbook';

// Every indicator of the catalogue, broken down as the report does; figures made up by hand:
// the first group 12, the second 3 and suppressed (with the total), the total 40.
function aReport(): DonorReport {
  return {
    programme: 'FORAS',
    from: '2026-01-01',
    to: '2027-01-01',
    generatedAt: new Date('2026-12-06T06:00:00Z'),
    sections: indicatorsBySection().map(({ section, definitions }) => ({
      section,
      items: definitions.map((definition) => {
        const breakdown = breakdownOf(definition);
        const first = breakdown === 'sex' ? 'female' : `${breakdown ?? 'x'}-a`;
        return {
          definition,
          answer: anAnswer({
            indicator: definition.id,
            groupBy: breakdown ? [breakdown] : [],
            groups: breakdown
              ? [
                  {
                    keys: { [breakdown]: first },
                    labels:
                      breakdown === 'sex'
                        ? { sex: { fr: 'Femmes', en: 'Women', ar: 'نساء' } }
                        : { [breakdown]: first },
                    value: 12,
                  },
                  { keys: { [breakdown]: 'other' }, value: 3, suppressed: true },
                ]
              : [],
            total: 40,
          }),
        };
      }),
    })),
  };
}

describe('donor report', () => {
  it('has one sheet per section with French and English labels, figures and suppressed cells', async () => {
    const workbook = await readWorkbook(await donorReportWorkbook(aReport()));

    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Personnes - People',
      'Formation - Training',
      'Projets - Projects',
      'Référencement - Referrals',
      'Durabilité - Sustainability',
      'Requête - Query',
    ]);
    const people = rowsOf(workbook.getWorksheet('Personnes - People')!);
    expect(people[0]).toEqual(['Personnes / People']);
    expect(people).toContainEqual([
      'Bénéficiaires enregistrés',
      'Beneficiaries registered',
      'Total',
      'Total',
      40,
      'nombre / count',
      'beneficiaries-registered',
    ]);
    expect(people).toContainEqual([
      'Bénéficiaires enregistrés',
      'Beneficiaries registered',
      'Femmes',
      'Women',
      12,
      'nombre / count',
      'beneficiaries-registered',
    ]);
    expect(people).toContainEqual([
      'Bénéficiaires enregistrés',
      'Beneficiaries registered',
      'other',
      'other',
      'supprimé / suppressed',
      'nombre / count',
      'beneficiaries-registered',
    ]);
  });

  it('renders a PDF that a reader opens, with accents, every section and suppressed cells', async () => {
    const { pages, lines } = await pdfText(await donorReportPdf(aReport()));

    expect(pages).toBeGreaterThan(1);
    expect(lines[0]).toBe('Rapport aux bailleurs / Donor report');
    expect(lines).toContain('Programme FORAS');
    expect(lines).toContain('Personnes / People');
    expect(lines).toContain('Durabilité / Sustainability');
    expect(lines).toContain('Référencement / Referrals');
    expect(lines).toContain('Bénéficiaires enregistrés / Beneficiaries registered');
    expect(lines).toContain('Total : 40');
    expect(lines).toContain('Femmes / Women : 12');
    expect(lines).toContain('other : supprimé / suppressed');
  }, 30_000);
});
