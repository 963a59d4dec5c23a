import { beneficiaryRegisteredV1 } from './registration/beneficiary-registered.v1';
import { validatePayload } from './payload-validation';
import { uuidv7 } from './uuid-v7';
import { resolveRegionCode } from './reference/regions';

const valid = {
  beneficiaryId: uuidv7(),
  reference: 'MA-2026-000001',
  ownerOrg: 'IOM',
  category: 'foreign-avrr',
  sex: 'male',
  birthYear: 1994,
  nationality: 'SN',
  regionCode: '06',
  version: 2,
  registeredAt: '2026-11-23T10:00:00.000Z',
};

describe('validatePayload', () => {
  it('accepts a valid payload and tolerates an unknown optional field of a newer minor version', () => {
    const sut = validatePayload(beneficiaryRegisteredV1, { ...valid, addedLater: true });

    expect(sut.ok).toBe(true);
  });

  it('lists every violation', () => {
    const sut = validatePayload(beneficiaryRegisteredV1, {
      ...valid,
      birthYear: 'nineteen',
      regionCode: '13',
      category: undefined,
    });

    expect(sut.ok).toBe(false);
    expect(!sut.ok && [...new Set(sut.violations.map((v) => v.field))].sort()).toEqual([
      'birthYear',
      'category',
      'regionCode',
    ]);
  });

  it.each([null, 'text', 42, [valid]])('refuses a payload that is not an object: %j', (data) => {
    expect(validatePayload(beneficiaryRegisteredV1, data).ok).toBe(false);
  });
});

describe('uuidv7', () => {
  it('is a version 7 RFC 9562 UUID that sorts by time', () => {
    const first = uuidv7(Date.UTC(2026, 0, 1));
    const second = uuidv7(Date.UTC(2026, 0, 2));

    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(first < second).toBe(true);
  });
});

describe('resolveRegionCode', () => {
  it.each([
    ['5', '05'],
    ['05', '05'],
    ['Béni Mellal-Khénifra', '05'],
    ['beni mellal khenifra', '05'],
    ["L'Oriental", '02'],
    ['Oriental', '02'],
    ['الدار البيضاء سطات', '06'],
    ['Grand Casablanca-Settat', '06'],
  ])('resolves %j to %s', (input, code) => {
    expect(resolveRegionCode(input)).toBe(code);
  });

  it.each(['13', '0', 'Andalousie', ''])('rejects %j', (input) => {
    expect(resolveRegionCode(input)).toBeUndefined();
  });
});
