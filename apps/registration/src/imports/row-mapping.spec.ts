import { resolveColumns } from './import-template';
import { dateOf, mapRow, phoneOf } from './row-mapping';

describe('row mapping', () => {
  const layoutOf = (headers: string[]) => resolveColumns(headers, () => false);

  it.each([
    ['06 12 34 56 78', '+212612345678'],
    ['0712345678', '+212712345678'],
    ['612345678', '+212612345678'],
    ['00212612345678', '+212612345678'],
    ['212612345678', '+212612345678'],
    ['+33 6 12 34 56 78', '+33612345678'],
    ['call me', 'callme'],
  ])('reads the phone %s as %s', (input, expected) => {
    expect(phoneOf(input)).toBe(expected);
  });

  it.each([
    ['17/04/1991', '1991-04-17'],
    ['1.2.1990', '1990-02-01'],
    ['1991-04-17', '1991-04-17'],
    ['1991-04-17T00:00:00.000Z', '1991-04-17'],
    ['31/02/1990', '1990-02-31'],
    ['avril 1991', 'avril 1991'],
  ])('reads the date %s as %s', (input, expected) => {
    expect(dateOf(input)).toBe(expected);
  });

  it('maps French headers and labels onto the registration body', () => {
    const layout = layoutOf([
      'Prénom',
      'Nom',
      'Sexe',
      'Date de naissance',
      'Nationalité',
      'Catégorie',
      'Région',
      'CIN',
      'Passeport',
      'Langues',
      'Province',
      'Motif doublon',
    ]);

    const sut = mapRow(layout, [
      ' Fatima ',
      'El Amrani',
      'Femme',
      '17/04/1991',
      'ma',
      'Migrant de retour',
      'Fès-Meknès',
      'bk123456',
      'X1',
      'ar, FR; ar',
      'Khénifra',
      'homonyme vérifié',
    ]);

    expect(sut.request).toEqual({
      firstName: 'Fatima',
      lastName: 'El Amrani',
      sex: 'female',
      birthDate: '1991-04-17',
      nationality: 'MA',
      category: 'returning-moroccan',
      regionCode: 'Fès-Meknès',
      documents: [
        { type: 'CIN', number: 'bk123456', issuingCountry: 'MA' },
        { type: 'PASSPORT', number: 'X1', issuingCountry: 'MA' },
      ],
      languages: ['ar', 'fr'],
      address: { province: 'Khénifra' },
      duplicateOverride: { reason: 'homonyme vérifié' },
    });
    expect(sut.columnOf('documents.1.number')).toBe('Passeport');
    expect(sut.columnOf('address.province')).toBe('Province');
    expect(sut.columnOf('duplicateOverride.reason')).toBe('Motif doublon');
  });

  it('drops a birth year that repeats the date, and keeps one that contradicts it', () => {
    const layout = layoutOf([
      ...['prenom', 'nom', 'sexe', 'categorie', 'nationalite', 'region'],
      ...['date_naissance', 'annee_naissance'],
    ]);
    const sut = (year: string) =>
      mapRow(layout, ['A', 'B', 'F', 'mre', 'MA', '01', '1991-04-17', year]).request;

    expect(sut('1991')).toMatchObject({ birthDate: '1991-04-17' });
    expect(sut('1991')).not.toHaveProperty('birthYear');
    expect(sut('1990')).toMatchObject({ birthDate: '1991-04-17', birthYear: 1990 });
  });
});
