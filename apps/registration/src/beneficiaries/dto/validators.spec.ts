import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { isPastCalendarDate } from './validators';
import { RegisterBeneficiaryRequestDto } from './register-beneficiary.request.dto';

describe('isPastCalendarDate', () => {
  const now = new Date('2026-03-15T12:00:00Z');

  it.each([
    ['2024-02-29', true],
    ['2026-03-15', true],
    ['2023-02-29', false],
    ['2023-02-30', false],
    ['2023-04-31', false],
    ['2026-03-16', false],
    ['1899-12-31', false],
    ['2023-2-3', false],
    ['2023-02-03T00:00:00Z', false],
  ])('%s → %s', (value, expected) => {
    expect(isPastCalendarDate(value, now)).toBe(expected);
  });
});

describe('RegisterBeneficiaryRequestDto', () => {
  const valid = {
    firstName: 'Mamadou',
    lastName: "N'Diaye",
    category: 'foreign-avrr',
    sex: 'male',
    birthYear: 1995,
    nationality: 'SN',
    regionCode: 'Tanger-Tetouan-Al Hoceima',
    languages: ['wo', 'fr'],
    phone: '+221771234567',
  };
  const failingFields = (body: object) =>
    validateSync(plainToInstance(RegisterBeneficiaryRequestDto, body)).map(
      (error) => error.property,
    );

  it('accepts a foreign migrant with an estimated birth year and a Senegalese phone', () => {
    expect(failingFields(valid)).toEqual([]);
  });

  it.each([
    ['a withdrawn language code', { languages: ['iw'] }, ['languages']],
    ['a lower-case country', { nationality: 'sn' }, ['nationality']],
    ['a user-assigned country', { returnCountry: 'XK' }, ['returnCountry']],
    ['a number too short for its country', { phone: '+22177123' }, ['phone']],
    ['a region code out of range', { regionCode: '0' }, ['regionCode']],
  ])('refuses %s', (_case, overrides, fields) => {
    expect(failingFields({ ...valid, ...overrides })).toEqual(fields);
  });
});
