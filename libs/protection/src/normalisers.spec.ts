import { errorOf } from '../test/protection-test-helpers';
import { normaliseDocumentNumber, normaliseDocumentType, normalisePhoneE164 } from './normalisers';
import { ProtectionErrorCode } from './protection.errors';

describe('normalisePhoneE164', () => {
  it.each([
    ['+212612345678', '+212612345678'],
    ['+212 6 12 34 56 78', '+212612345678'],
    [' +221\u00a077\u202f123 45 67 ', '+221771234567'],
    ['+33\t6 12 34 56 78', '+33612345678'],
  ])('turns %j into %j', (input, expected) => {
    // Arrange
    const sut = normalisePhoneE164;

    // Act
    const result = sut(input);

    // Assert
    expect(result).toBe(expected);
  });

  it.each([
    ['a national number', '0612345678'],
    ['an international prefix instead of +', '00212612345678'],
    ['dashes', '+212-612-345-678'],
    ['a leading zero country code', '+0212612345678'],
    ['more than 15 digits', '+2126123456789012'],
    ['letters', '+212 6 CALL ME'],
    ['an empty string', ''],
  ])('rejects %s without echoing it', (_case, input) => {
    // Arrange
    const sut = normalisePhoneE164;

    // Act
    const error = errorOf(() => sut(input));

    // Assert
    expect(error.code).toBe(ProtectionErrorCode.INVALID_INPUT);
    if (input.length > 0) {
      expect(error.message).not.toContain(input);
    }
  });
});

describe('normaliseDocumentType', () => {
  it.each([
    ['CIN', 'CIN'],
    [' cin ', 'CIN'],
    ['passport', 'PASSPORT'],
    ['carte_sejour', 'CARTE_SEJOUR'],
  ])('turns %j into %j', (input, expected) => {
    // Arrange
    const sut = normaliseDocumentType;

    // Act
    const result = sut(input);

    // Assert
    expect(result).toBe(expected);
  });

  it.each([[''], ['document:CIN'], ['1CIN'], ['CARTE SEJOUR']])('rejects %j', (input) => {
    // Arrange
    const sut = normaliseDocumentType;

    // Act
    const error = errorOf(() => sut(input));

    // Assert
    expect(error.code).toBe(ProtectionErrorCode.INVALID_INPUT);
  });
});

describe('normaliseDocumentNumber', () => {
  it.each([
    ['AB123456', 'AB123456'],
    ['ab123456', 'AB123456'],
    [' AB 123 456 ', 'AB123456'],
    ['AB-123-456', 'AB123456'],
    ['AB.123.456', 'AB123456'],
    ['AB\u2013123\u2011456', 'AB123456'],
    ['ＡＢ１２３４５６', 'AB123456'],
  ])('turns %j into %j', (input, expected) => {
    // Arrange
    const sut = normaliseDocumentNumber;

    // Act
    const result = sut('CIN', input);

    // Assert
    expect(result).toBe(expected);
  });

  it.each([
    ['an empty number', 'CIN', ''],
    ['only separators', 'CIN', ' - . '],
    ['a slash', 'CIN', 'AB/123456'],
    ['an accented letter', 'CIN', 'ÉB123456'],
    ['an invalid type', 'C I N', 'AB123456'],
  ])('rejects %s', (_case, type, number) => {
    // Arrange
    const sut = normaliseDocumentNumber;

    // Act
    const error = errorOf(() => sut(type, number));

    // Assert
    expect(error.code).toBe(ProtectionErrorCode.INVALID_INPUT);
    expect(error.message).not.toContain('123456');
  });
});
