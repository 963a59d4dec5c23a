import { aCipher, errorOf, flipped, withPart } from '../test/protection-test-helpers';
import { FieldCipher } from './field-cipher';
import { deriveTestKeyring } from './keyring';
import { ProtectionErrorCode } from './protection.errors';

const CONTEXT = 'beneficiary:0190c0de-0000-7000-8000-000000000001:phone';

describe('FieldCipher integrity', () => {
  it('refuses a token moved to another row or field', () => {
    // Arrange
    const sut = aCipher();
    const token = sut.encrypt('+212612345678', CONTEXT);

    // Act
    const otherRow = errorOf(() =>
      sut.decrypt(token, 'beneficiary:0190c0de-0000-7000-8000-000000000002:phone'),
    );
    const otherField = errorOf(() =>
      sut.decrypt(token, 'beneficiary:0190c0de-0000-7000-8000-000000000001:email'),
    );

    // Assert
    expect(otherRow.code).toBe(ProtectionErrorCode.DECRYPTION_FAILED);
    expect(otherField.code).toBe(ProtectionErrorCode.DECRYPTION_FAILED);
    expect(otherRow.message).toMatch(/altered|context/);
  });

  it.each([
    ['the IV', 2],
    ['the ciphertext', 3],
    ['the tag', 4],
  ])('refuses a token whose %s was altered', (_case, index) => {
    // Arrange
    const sut = aCipher();
    const token = sut.encrypt('+212612345678', CONTEXT);
    const tampered = withPart(token, index, flipped(token.split('.')[index]));

    // Act
    const error = errorOf(() => sut.decrypt(tampered, CONTEXT));

    // Assert
    expect(error.code).toBe(ProtectionErrorCode.DECRYPTION_FAILED);
  });

  it('refuses a token relabelled with another key id of the keyring', () => {
    // Arrange
    const sut = aCipher(['k1', 'k2']);
    const token = sut.encrypt('+212612345678', CONTEXT);

    // Act
    const error = errorOf(() => sut.decrypt(withPart(token, 1, 'k1'), CONTEXT));

    // Assert
    expect(error.code).toBe(ProtectionErrorCode.DECRYPTION_FAILED);
  });

  it('refuses a token whose key is not in the keyring, naming the key id', () => {
    // Arrange
    const writer = aCipher(['retired']);
    const sut = aCipher(['current']);
    const token = writer.encrypt('+212612345678', CONTEXT);

    // Act
    const error = errorOf(() => sut.decrypt(token, CONTEXT));

    // Assert
    expect(error.code).toBe(ProtectionErrorCode.UNKNOWN_KEY_ID);
    expect(error.message).toContain('retired');
  });

  it('refuses a token written under another key with the same id', () => {
    // Arrange
    const writer = new FieldCipher({ keys: deriveTestKeyring().keys, activeKeyId: 'test1' });
    const sut = new FieldCipher({ keys: deriveTestKeyring().keys, activeKeyId: 'test1' });
    const token = writer.encrypt('+212612345678', CONTEXT);

    // Act
    const error = errorOf(() => sut.decrypt(token, CONTEXT));

    // Assert
    expect(error.code).toBe(ProtectionErrorCode.DECRYPTION_FAILED);
  });

  it('refuses a truncated authentication tag', () => {
    // Arrange
    const sut = aCipher();
    const token = sut.encrypt('+212612345678', CONTEXT);
    const shortTag = Buffer.from(token.split('.')[4], 'base64url')
      .subarray(0, 4)
      .toString('base64url');

    // Act
    const error = errorOf(() => sut.decrypt(withPart(token, 4, shortTag), CONTEXT));

    // Assert
    expect(error.code).toBe(ProtectionErrorCode.MALFORMED_TOKEN);
  });

  it.each([
    ['an empty string', ''],
    ['clear text', '+212612345678'],
    ['too few parts', 'v1.k1.AAAAAAAAAAAAAAAA.AAAA'],
    ['too many parts', 'v1.k1.AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA.x'],
    ['no version', 'x1.k1.AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA'],
    ['an invalid key id', 'v1.k:1.AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA'],
    ['standard base64 characters', 'v1.k1.AAAAAAAAAAAAAAA+.AAAA.AAAAAAAAAAAAAAAAAAAAAA'],
    ['padding', 'v1.k1.AAAAAAAAAAAAAAAA.AA==.AAAAAAAAAAAAAAAAAAAAAA'],
    ['a non-canonical base64url part', 'v1.k1.AAAAAAAAAAAAAAAA.AB.AAAAAAAAAAAAAAAAAAAAAA'],
    ['a short IV', 'v1.k1.AAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA'],
  ])('reports %s as a malformed token', (_case, token) => {
    // Arrange
    const sut = aCipher();

    // Act
    const error = errorOf(() => sut.decrypt(token, CONTEXT));

    // Assert
    expect(error.code).toBe(ProtectionErrorCode.MALFORMED_TOKEN);
  });

  it('reports a token of a future format version as unsupported', () => {
    // Arrange
    const sut = aCipher();

    // Act
    const error = errorOf(() =>
      sut.decrypt('v2.k1.AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA', CONTEXT),
    );

    // Assert
    expect(error.code).toBe(ProtectionErrorCode.UNSUPPORTED_TOKEN_VERSION);
  });

  it('keeps plaintexts and contexts out of error messages', () => {
    // Arrange
    const sut = aCipher();
    const token = sut.encrypt('+212612345678', CONTEXT);

    // Act
    const error = errorOf(() => sut.decrypt(token, 'beneficiary:someone-else:phone'));

    // Assert
    expect(error.message).not.toContain('212612345678');
    expect(error.message).not.toContain('someone-else');
  });

  it.each([
    ['empty', ''],
    ['too long', 'c'.repeat(513)],
  ])('rejects a context that is %s', (_case, context) => {
    // Arrange
    const sut = aCipher();

    // Act
    const error = errorOf(() => sut.encrypt('+212612345678', context));

    // Assert
    expect(error.code).toBe(ProtectionErrorCode.INVALID_CONTEXT);
  });

  it('rejects a plaintext that is not a string', () => {
    // Arrange
    const sut = aCipher();
    const notAString = 212612345678 as unknown as string;

    // Act
    const error = errorOf(() => sut.encrypt(notAString, CONTEXT));

    // Assert
    expect(error.code).toBe(ProtectionErrorCode.INVALID_INPUT);
  });
});
