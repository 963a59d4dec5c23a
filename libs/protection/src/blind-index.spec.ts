import { errorOf } from '../test/protection-test-helpers';
import { createSecretKey } from 'node:crypto';
import { BlindIndex, documentIndexDomain, parseBlindIndexKey } from './blind-index';
import { generateKey } from './keyring';
import { ProtectionErrorCode } from './protection.errors';

const PINNED_KEY = Buffer.from(Array.from({ length: 32 }, (_, i) => 255 - i)).toString('base64');

function anIndex(key = generateKey()): BlindIndex {
  return new BlindIndex({ key: parseBlindIndexKey(key) });
}

describe('BlindIndex', () => {
  describe('compute', () => {
    it('gives the same 64-hex-character index for the same domain and value', () => {
      // Arrange
      const sut = anIndex();

      // Act
      const first = sut.compute('phone', '+212612345678');
      const second = sut.compute('phone', '+212612345678');

      // Assert
      expect(first).toMatch(/^[0-9a-f]{64}$/);
      expect(second).toBe(first);
    });

    it('keeps pinned values, since stored indexes depend on them (HMAC-SHA256 over domain NUL value)', () => {
      // Arrange
      const sut = anIndex(PINNED_KEY);

      // Act
      const phone = sut.compute('phone', '+212612345678');
      const cin = sut.compute('document:CIN', 'AB123456');

      // Assert
      expect(phone).toBe('0e72aaba97bce943a66f3d80bc5fe438c1a927a9d45d79c98edee73a8ae06fbd');
      expect(cin).toBe('b4ef1beb062ab1930ac32d690d10e11356ed7e9681e3603adfde7312fb96f58e');
    });

    it('separates domains, so equal values in different fields do not match', () => {
      // Arrange
      const sut = anIndex();

      // Act
      const asCin = sut.compute('document:CIN', 'AB123456');
      const asPassport = sut.compute('document:PASSPORT', 'AB123456');
      const asNameToken = sut.compute('name-token', 'AB123456');

      // Assert
      expect(new Set([asCin, asPassport, asNameToken]).size).toBe(3);
    });

    it('cannot be confused by moving characters between domain and value', () => {
      // Arrange
      const sut = anIndex();

      // Act
      const first = sut.compute('document:C', 'IN1');
      const second = sut.compute('document', 'CIN1');

      // Assert
      expect(first).not.toBe(second);
    });

    it('depends on the key', () => {
      // Arrange
      const sut = anIndex();
      const other = anIndex();

      // Act
      const mine = sut.compute('phone', '+212612345678');
      const theirs = other.compute('phone', '+212612345678');

      // Assert
      expect(mine).not.toBe(theirs);
    });

    it('hashes values exactly as given (normalising is the caller’s job)', () => {
      // Arrange
      const sut = anIndex();

      // Act
      const compact = sut.compute('phone', '+212612345678');
      const spaced = sut.compute('phone', '+212 612 345 678');

      // Assert
      expect(spaced).not.toBe(compact);
    });

    it.each([
      ['null', null],
      ['undefined', undefined],
    ])('passes %s through as null', (_case, value) => {
      // Arrange
      const sut = anIndex();

      // Act
      const index = sut.compute('phone', value);

      // Assert
      expect(index).toBeNull();
    });

    it('rejects an empty value, which would match every other empty value', () => {
      // Arrange
      const sut = anIndex();

      // Act
      const error = errorOf(() => sut.compute('phone', ''));

      // Assert
      expect(error.code).toBe(ProtectionErrorCode.INVALID_INPUT);
    });

    it.each([
      ['empty', ''],
      ['with a NUL', 'pho\u0000ne'],
      ['with a space', 'name token'],
      ['longer than 64 characters', 'd'.repeat(65)],
    ])('rejects a domain that is %s', (_case, domain) => {
      // Arrange
      const sut = anIndex();

      // Act
      const error = errorOf(() => sut.compute(domain, 'value'));

      // Assert
      expect(error.code).toBe(ProtectionErrorCode.INVALID_CONTEXT);
    });
  });

  describe('phone', () => {
    it('indexes spelling variants of one E.164 number alike, in the phone domain', () => {
      // Arrange
      const sut = anIndex();

      // Act
      const variants = ['+212612345678', '+212 6 12 34 56 78', ' +212\u00a0612\t345678 '].map(
        (phone) => sut.phone(phone),
      );

      // Assert
      expect(new Set(variants).size).toBe(1);
      expect(variants[0]).toBe(sut.compute('phone', '+212612345678'));
      expect(sut.phone(null)).toBeNull();
    });
  });

  describe('document', () => {
    it('indexes formatting variants of one document alike, in the domain of its type', () => {
      // Arrange
      const sut = anIndex();

      // Act
      const variants = ['AB123456', 'ab 123 456', 'AB-123.456', 'ab–123456'].map((number) =>
        sut.document('cin', number),
      );

      // Assert
      expect(new Set(variants).size).toBe(1);
      expect(variants[0]).toBe(sut.compute('document:CIN', 'AB123456'));
    });

    it('gives different indexes to the same number under different document types', () => {
      // Arrange
      const sut = anIndex();

      // Act
      const cin = sut.document('CIN', 'AB123456');
      const passport = sut.document('PASSPORT', 'AB123456');

      // Assert
      expect(cin).not.toBe(passport);
      expect(sut.document('CIN', undefined)).toBeNull();
    });
  });

  describe('configuration', () => {
    it('accepts the development key of docker-compose', () => {
      // Arrange
      const text = 'ZGV2LW9ubHktYmxpbmQtaW5kZXgta2V5LTAwMDAwMDE=';

      // Act
      const sut = BlindIndex.fromConfig({ key: text });

      // Assert
      expect(sut.compute('phone', '+212612345678')).toMatch(/^[0-9a-f]{64}$/);
    });

    it('accepts keys longer than 32 bytes', () => {
      // Arrange
      const text = Buffer.concat([
        Buffer.from(generateKey(), 'base64'),
        Buffer.from([1, 2, 3]),
      ]).toString('base64');

      // Act
      const key = parseBlindIndexKey(text);

      // Assert
      expect(key.symmetricKeySize).toBe(35);
    });

    it.each([
      ['too short', Buffer.from('short key').toString('base64')],
      ['not base64', 'not a key!'],
      ['a placeholder', Buffer.alloc(32).toString('base64')],
    ])('rejects a key that is %s', (_case, text) => {
      // Arrange
      const action = () => parseBlindIndexKey(text);

      // Act
      const error = errorOf(action);

      // Assert
      expect(error.code).toBe(ProtectionErrorCode.INVALID_KEY);
    });

    it('rejects a short key object', () => {
      // Arrange
      const key = createSecretKey(Buffer.alloc(16, 9));

      // Act
      const error = errorOf(() => new BlindIndex({ key }));

      // Assert
      expect(error.code).toBe(ProtectionErrorCode.INVALID_KEY);
    });
  });
});

describe('documentIndexDomain', () => {
  it('names the domain after the canonical document type', () => {
    // Arrange
    const sut = documentIndexDomain;

    // Act
    const domain = sut(' carte_sejour ');

    // Assert
    expect(domain).toBe('document:CARTE_SEJOUR');
  });
});
