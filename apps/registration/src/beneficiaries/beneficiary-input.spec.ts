import { DomainError } from '@mrm/errors';
import { applyPatch, draftFromRequest } from './beneficiary-input';
import type { RegisterBeneficiaryRequestDto } from './dto/register-beneficiary.request.dto';

const aRequest = (
  overrides: Partial<RegisterBeneficiaryRequestDto> = {},
): RegisterBeneficiaryRequestDto => ({
  firstName: '  Fatima   Zahra ',
  lastName: 'Benali',
  category: 'returning-moroccan',
  sex: 'female',
  birthDate: '1990-05-01',
  nationality: 'MA',
  regionCode: 'beni mellal-khenifra',
  phone: '+212 6 12 34 56 78',
  documents: [{ type: 'CIN', number: ' bk123456 ', issuingCountry: 'MA' }],
  ...overrides,
});

describe('draftFromRequest', () => {
  it('normalises names, region, phone and document numbers', () => {
    const sut = draftFromRequest(aRequest());

    expect(sut.regionCode).toBe('05');
    expect(sut.personal.names).toEqual({ firstName: 'Fatima Zahra', lastName: 'Benali' });
    expect(sut.personal.phone).toBe('+212612345678');
    expect(sut.personal.documents).toEqual([
      { type: 'CIN', number: 'BK123456', issuingCountry: 'MA' },
    ]);
    expect(sut).toMatchObject({
      birthDate: '1990-05-01',
      birthYear: 1990,
      birthYearEstimated: false,
    });
  });

  it('treats a birth year without a date as an estimate unless told otherwise', () => {
    const estimated = draftFromRequest(aRequest({ birthDate: undefined, birthYear: 1980 }));
    const known = draftFromRequest(
      aRequest({ birthDate: undefined, birthYear: 1980, birthYearEstimated: false }),
    );

    expect(estimated).toMatchObject({ birthDate: null, birthYear: 1980, birthYearEstimated: true });
    expect(known.birthYearEstimated).toBe(false);
  });

  it('drops empty address parts and duplicate skills', () => {
    const sut = draftFromRequest(
      aRequest({ address: { line: ' ', commune: ' Mrirt ' }, skills: ['sewing', ' sewing', ''] }),
    );

    expect(sut.personal.address).toEqual({ commune: 'Mrirt' });
    expect(sut.skills).toEqual(['sewing']);
  });
});

describe('applyPatch', () => {
  const current = draftFromRequest(aRequest({ firstNameAr: 'فاطمة', phone: '+212612345678' }));

  it('keeps absent fields and replaces given ones', () => {
    const sut = applyPatch(current, { regionCode: '06', lastName: 'El Idrissi' });

    expect(sut.regionCode).toBe('06');
    expect(sut.personal.names).toEqual({
      firstName: 'Fatima Zahra',
      lastName: 'El Idrissi',
      firstNameAr: 'فاطمة',
    });
    expect(sut.personal.phone).toBe('+212612345678');
  });

  it('clears optional fields given as null', () => {
    const sut = applyPatch(current, { phone: null, firstNameAr: null });

    expect(sut.personal.phone).toBeNull();
    expect(sut.personal.names).toEqual({ firstName: 'Fatima Zahra', lastName: 'Benali' });
  });

  it('switches from a birth date to an estimated year', () => {
    const sut = applyPatch(current, { birthYear: 1988 });

    expect(sut).toMatchObject({ birthDate: null, birthYear: 1988, birthYearEstimated: true });
  });

  it('refuses null for required fields, listing them', () => {
    let error: DomainError | undefined;
    try {
      applyPatch(current, { lastName: null, sex: null });
    } catch (caught) {
      error = caught as DomainError;
    }

    expect(error?.status).toBe(400);
    expect(error?.violations.map((violation) => violation.field)).toEqual(['lastName', 'sex']);
  });

  it('is a no-op for an empty patch', () => {
    expect(applyPatch(current, {})).toEqual(current);
  });
});
