import { BlindIndex, generateKey, parseBlindIndexKey } from '@mrm/protection';
import {
  blindNameKeys,
  NAME_KEY_DOMAINS,
  nameKeys,
  NameInput,
  namesProbablyMatch,
} from './name-keys';

function aName(overrides: Partial<NameInput> = {}): NameInput {
  return { firstName: 'Mohamed', lastName: 'El Amrani', ...overrides };
}

describe('nameKeys', () => {
  it('builds the full key from the sorted token keys, and one key per token', () => {
    // Arrange
    const name = aName({ firstName: 'Mohamed Amine', lastName: 'El Alaoui' });

    // Act
    const sut = nameKeys(name);

    // Assert
    expect(sut.full).toEqual(['alui amn mhmd', 'alui mhmdmn']);
    expect(sut.tokens).toEqual(['alui', 'amn', 'mhmd', 'mhmdmn']);
  });

  it('gives swapped first and last names the same full key', () => {
    // Arrange
    const name = aName({ firstName: 'Fatima', lastName: 'Benali' });
    const swapped = aName({ firstName: 'Benali', lastName: 'Fatima' });

    // Act
    const sut = nameKeys(name);

    // Assert
    expect(sut.full).toEqual(nameKeys(swapped).full);
  });

  it('builds keys from the Arabic-script fields too', () => {
    // Arrange
    const name = aName({
      firstName: null,
      lastName: null,
      firstNameAr: 'محمد',
      lastNameAr: 'العمراني',
    });

    // Act
    const sut = nameKeys(name);

    // Assert
    expect(sut.full).toEqual(['amrni mhmd']);
    expect(sut.tokens).toEqual(['amrni', 'mhmd']);
  });

  it('mixes the Latin first name with the Arabic last name and the other way round', () => {
    // Arrange
    const name = aName({
      firstName: 'Fatima',
      lastName: 'Amrani',
      firstNameAr: 'فتيحة',
      lastNameAr: 'العلوي',
    });

    // Act
    const sut = nameKeys(name);

    // Assert
    expect(sut.full).toEqual(['alui ftha', 'alui ftma', 'amrni ftha', 'amrni ftma']);
  });

  it('also keys a multi-word field written as one word', () => {
    // Arrange
    const separate = aName({ firstName: 'Fatima Zahra', lastName: 'Bennani' });
    const joined = aName({ firstName: 'Fatimazahra', lastName: 'Bennani' });

    // Act
    const sut = nameKeys(separate);

    // Assert
    expect(sut.full).toContain(nameKeys(joined).full[0]);
    expect(namesProbablyMatch(sut, nameKeys(joined))).toBe(true);
  });

  it('returns sorted keys without duplicates', () => {
    // Arrange
    const name = aName({
      firstName: 'Mohamed',
      lastName: 'Mohammed',
      firstNameAr: 'محمد',
      lastNameAr: 'محمد',
    });

    // Act
    const sut = nameKeys(name);

    // Assert
    expect(sut.full).toEqual(['mhmd mhmd']);
    expect(sut.tokens).toEqual(['mhmd']);
  });

  it('keys whatever part of the name is present', () => {
    // Arrange
    const name = aName({
      firstName: '',
      lastName: 'Idrissi',
      firstNameAr: undefined,
      lastNameAr: null,
    });

    // Act
    const sut = nameKeys(name);

    // Assert
    expect(sut.full).toEqual(['adrsi']);
  });

  it('returns no key for a name without letters', () => {
    // Arrange
    const name = aName({ firstName: ' ', lastName: '-' });

    // Act
    const sut = nameKeys(name);

    // Assert
    expect(sut).toEqual({ full: [], tokens: [] });
  });
});

describe('namesProbablyMatch', () => {
  it.each<[string, NameInput, NameInput]>([
    [
      'spelling variants',
      { firstName: 'Mohammed', lastName: 'El Amrani' },
      { firstName: 'Muhammad', lastName: 'Elamrani' },
    ],
    [
      'swapped first and last names',
      { firstName: 'Youssef', lastName: 'Idrissi' },
      { firstName: 'El Idrissi', lastName: 'Yusuf' },
    ],
    [
      'a Latin record and an Arabic-only record',
      { firstName: 'Khadidja', lastName: 'Ben Ali' },
      { firstName: null, lastName: null, firstNameAr: 'خديجة', lastNameAr: 'بن علي' },
    ],
    [
      'compound first names written apart or together',
      { firstName: 'Abd El Kader', lastName: 'Alaoui' },
      { firstName: 'Abdulqadir', lastName: 'El Alaoui' },
    ],
    [
      'a record with both scripts and one with Arabic only',
      { firstName: 'Aicha', lastName: 'Essebti', firstNameAr: 'عائشة', lastNameAr: 'السبتي' },
      { firstName: null, lastName: null, firstNameAr: 'عائشة', lastNameAr: 'السبتي' },
    ],
  ])('matches %s', (_case, a, b) => {
    // Arrange
    const first = nameKeys(a);
    const second = nameKeys(b);

    // Act
    const sut = namesProbablyMatch(first, second);

    // Assert
    expect(sut).toBe(true);
    expect(namesProbablyMatch(second, first)).toBe(true);
  });

  it.each<[string, NameInput, NameInput]>([
    [
      'different first names',
      { firstName: 'Mohamed', lastName: 'Amrani' },
      { firstName: 'Mahmoud', lastName: 'Amrani' },
    ],
    [
      'a brother and a sister',
      { firstName: 'Karim', lastName: 'Bennani' },
      { firstName: 'Karima', lastName: 'Bennani' },
    ],
    [
      'a name with an extra middle name (left to the token keys)',
      { firstName: 'Mohamed Amine', lastName: 'Alaoui' },
      { firstName: 'Mohamed', lastName: 'Alaoui' },
    ],
    [
      'a missing name',
      { firstName: 'Mohamed', lastName: 'Alaoui' },
      { firstName: '', lastName: '' },
    ],
  ])('does not match %s', (_case, a, b) => {
    // Arrange
    const first = nameKeys(a);
    const second = nameKeys(b);

    // Act
    const sut = namesProbablyMatch(first, second);

    // Assert
    expect(sut).toBe(false);
  });
});

describe('blindNameKeys', () => {
  const index = new BlindIndex({ key: parseBlindIndexKey(generateKey()) });

  it('replaces every key by its blind index in the versioned name domains', () => {
    // Arrange
    const keys = nameKeys({ firstName: 'Mohamed', lastName: 'El Amrani' });

    // Act
    const sut = blindNameKeys(keys, index);

    // Assert
    expect(sut.full).toEqual([index.compute(NAME_KEY_DOMAINS.full, 'amrni mhmd')]);
    expect(sut.tokens).toEqual(
      [
        index.compute(NAME_KEY_DOMAINS.token, 'amrni'),
        index.compute(NAME_KEY_DOMAINS.token, 'mhmd'),
      ].sort(),
    );
    expect(NAME_KEY_DOMAINS).toEqual({ full: 'name-full:v1', token: 'name-token:v1' });
  });

  it('keeps no clear name or phonetic key', () => {
    // Arrange
    const keys = nameKeys({ firstName: 'Mohamed', lastName: 'El Amrani' });

    // Act
    const sut = blindNameKeys(keys, index);

    // Assert
    const stored = JSON.stringify(sut);
    expect(stored).not.toMatch(/mhmd|amrni|mohamed|amrani/i);
    expect([...sut.full, ...sut.tokens].every((value) => /^[0-9a-f]{64}$/.test(value))).toBe(true);
  });

  it('matches blinded keys exactly as it matches clear ones', () => {
    // Arrange
    const registered = blindNameKeys(
      nameKeys({ firstName: 'Youssouf', lastName: 'Al Idrisi' }),
      index,
    );
    const candidate = blindNameKeys(nameKeys({ firstName: 'الإدريسي', lastName: 'يوسف' }), index);
    const stranger = blindNameKeys(nameKeys({ firstName: 'Younes', lastName: 'Al Idrisi' }), index);

    // Act
    const sut = namesProbablyMatch(registered, candidate);

    // Assert
    expect(sut).toBe(true);
    expect(namesProbablyMatch(registered, stranger)).toBe(false);
  });

  it('gives unrelated indexes to the same key as a full name and as a token', () => {
    // Arrange
    const keys = nameKeys({ firstName: '', lastName: 'Idrissi' });

    // Act
    const sut = blindNameKeys(keys, index);

    // Assert
    expect(keys.full).toEqual(keys.tokens);
    expect(sut.full).not.toEqual(sut.tokens);
  });
});
