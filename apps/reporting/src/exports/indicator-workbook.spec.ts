import { anAnswer } from '../../test/support/answers';
import { readWorkbook, rowsOf } from '../../test/support/read-workbook';
import { findIndicator } from '../indicators/indicator-catalogue';
import { indicatorWorkbook } from './indicator-workbook';

describe('indicatorWorkbook', () => {
  it('writes each group with its label and figure, a suppressed cell as suppressed, then the total', async () => {
    const answer = anAnswer({
      indicator: 'beneficiaries-registered',
      groupBy: ['sex'],
      groups: [
        {
          keys: { sex: 'female' },
          labels: { sex: { fr: 'Femmes', en: 'Women', ar: 'نساء' } },
          value: 17,
        },
        {
          keys: { sex: 'male' },
          labels: { sex: { fr: 'Hommes', en: 'Men', ar: 'رجال' } },
          value: 3,
          suppressed: true,
        },
      ],
      total: 20,
    });

    const sut = await indicatorWorkbook(findIndicator('beneficiaries-registered')!, answer, {
      generatedAt: new Date('2026-12-06T06:00:00Z'),
      query: { programme: 'FORAS', groupBy: ['sex'] },
    });

    const workbook = await readWorkbook(sut);
    const sheet = workbook.getWorksheet('Indicateur - Indicator')!;
    const values = rowsOf(sheet);
    expect(values[0]).toEqual(['Bénéficiaires enregistrés']);
    expect(values.slice(-3)).toEqual([
      ['female', 'Femmes', 17],
      ['male', 'Hommes', 'supprimé / suppressed'],
      ['total', 'Total', 20],
    ]);
    const query = workbook.getWorksheet('Requête - Query')!;
    expect(query.getColumn(1).values).toContain('Seuil de suppression / Suppression threshold');
  });

  it('writes text that starts like a formula as text', async () => {
    const answer = anAnswer({
      indicator: 'projects',
      groupBy: ['sector'],
      groups: [{ keys: { sector: '=cmd|calc' }, value: 9 }],
      total: 9,
    });

    const sut = await indicatorWorkbook(findIndicator('projects')!, answer, {
      generatedAt: new Date(),
      query: {},
    });

    const workbook = await readWorkbook(sut);
    const row = workbook.getWorksheet(1)!.getRow(8);
    expect(row.getCell(1).value).toBe("'=cmd|calc");
    expect(row.getCell(1).formula).toBeUndefined();
  });
});
