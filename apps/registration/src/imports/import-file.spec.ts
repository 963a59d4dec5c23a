import { detectDelimiter, readTable } from './import-file';
import { resolveColumns } from './import-template';

describe('import file', () => {
  it.each([
    ['prenom;nom;sexe\nA;B, C;F', ';'],
    ['prenom,nom,sexe\nA,"B; C",F', ','],
    ['\n\nprenom\n', ','],
  ])('detects the delimiter of %j', (text, expected) => {
    expect(detectDelimiter(text)).toBe(expected);
  });

  it('numbers data rows below the header, counting blank lines, and drops a BOM', async () => {
    const sut = await readTable(
      Buffer.from('\uFEFFprenom;nom\r\nA;B\r\n;\r\n\r\nC;"D;E"\r\n'),
      'csv',
    );

    expect(sut.headers).toEqual(['prenom', 'nom']);
    expect(sut.rows).toEqual([
      { row: 1, cells: ['A', 'B'] },
      { row: 4, cells: ['C', 'D;E'] },
    ]);
  });

  it('refuses unknown, repeated and missing columns, naming unknown ones by position', () => {
    const sut = () =>
      resolveColumns(['Prénom', 'first_name', 'Fatima', ''], (index) => index === 3);

    expect(sut).toThrow(
      expect.objectContaining({
        code: 'IMPORT_COLUMNS_INVALID',
        violations: expect.arrayContaining([
          { field: 'first_name', message: 'is given by more than one column' },
          { field: 'column 3', message: 'header is not a column of the import template' },
          { field: 'column 4', message: 'has values but no header' },
          { field: 'last_name', message: 'required column (nom or last_name) is missing' },
        ]),
      }),
    );
  });
});
