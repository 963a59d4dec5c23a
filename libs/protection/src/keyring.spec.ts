import { errorOf } from '../test/protection-test-helpers';
import { deriveTestKeyring, generateKey, parseKeyring } from './keyring';
import { ProtectionErrorCode } from './protection.errors';

const KEY_A = Buffer.from(Array.from({ length: 32 }, (_, i) => i)).toString('base64');
const KEY_B = Buffer.from(Array.from({ length: 32 }, (_, i) => 255 - i)).toString('base64');

describe('parseKeyring', () => {
  it('parses every key by id', () => {
    // Arrange
    const text = `k2024:${KEY_A},k2025:${KEY_B}`;

    // Act
    const sut = parseKeyring(text);

    // Assert
    expect([...sut.keys()]).toEqual(['k2024', 'k2025']);
    expect(sut.get('k2024')?.export()).toEqual(Buffer.from(KEY_A, 'base64'));
    expect(sut.get('k2025')?.symmetricKeySize).toBe(32);
  });

  it('accepts whitespace around entries, a trailing comma and URL-safe base64', () => {
    // Arrange
    const urlSafe = Buffer.from(KEY_B, 'base64').toString('base64url');
    const text = `\n  k1 : ${KEY_A} ,\n k2:${urlSafe},\n`;

    // Act
    const sut = parseKeyring(text);

    // Assert
    expect(sut.get('k1')?.export()).toEqual(Buffer.from(KEY_A, 'base64'));
    expect(sut.get('k2')?.export()).toEqual(Buffer.from(KEY_B, 'base64'));
  });

  it('accepts the development keyring of docker-compose', () => {
    // Arrange
    const text = 'dev1:ZGV2LW9ubHktZW5jcnlwdGlvbi1rZXktMDAwMDAwMDE=';

    // Act
    const sut = parseKeyring(text);

    // Assert
    expect(sut.get('dev1')?.export().toString('ascii')).toBe('dev-only-encryption-key-00000001');
  });

  it.each([
    ['an empty text', ''],
    ['only separators', ' , ,'],
    ['an entry without a key id', KEY_A],
    ['an empty key id', `:${KEY_A}`],
    ['a key id with a dot', `k.1:${KEY_A}`],
    ['a key id longer than 32 characters', `${'k'.repeat(33)}:${KEY_A}`],
    ['a key that is not base64', 'k1:not base64!'],
    ['a 16-byte key', `k1:${Buffer.alloc(16, 7).toString('base64')}`],
    [
      'a 33-byte key',
      `k1:${Buffer.concat([Buffer.from(KEY_A, 'base64'), Buffer.from([1])]).toString('base64')}`,
    ],
    ['a placeholder key of zero bytes', `k1:${Buffer.alloc(32).toString('base64')}`],
    ['a duplicate key id', `k1:${KEY_A},k1:${KEY_B}`],
  ])('rejects %s', (_case, text) => {
    // Arrange
    const action = () => parseKeyring(text);

    // Act
    const error = errorOf(action);

    // Assert
    expect(error.code).toBe(ProtectionErrorCode.INVALID_KEYRING);
  });

  it('never puts key material in its error messages', () => {
    // Arrange
    const shortKey = Buffer.from('a-secret-but-too-short-key').toString('base64');

    // Act
    const error = errorOf(() => parseKeyring(`k1:${shortKey}`));

    // Assert
    expect(error.message).toContain('k1');
    expect(error.message).not.toContain(shortKey);
  });
});

describe('generateKey', () => {
  it('returns 32 random bytes as base64', () => {
    // Arrange
    const sut = generateKey;

    // Act
    const first = sut();
    const second = sut();

    // Assert
    expect(Buffer.from(first, 'base64')).toHaveLength(32);
    expect(first).not.toBe(second);
    expect(parseKeyring(`k1:${first}`).size).toBe(1);
  });
});

describe('deriveTestKeyring', () => {
  it('makes one random active key by default', () => {
    // Arrange
    const sut = deriveTestKeyring;

    // Act
    const first = sut();
    const second = sut();

    // Assert
    expect(first.activeKeyId).toBe('test1');
    expect([...first.keys.keys()]).toEqual(['test1']);
    expect(first.text).not.toBe(second.text);
  });

  it('makes the last key id active and gives a text that parses to the same keys', () => {
    // Arrange
    const keyIds = ['old', 'new'];

    // Act
    const sut = deriveTestKeyring({ keyIds });

    // Assert
    expect(sut.activeKeyId).toBe('new');
    const reparsed = parseKeyring(sut.text);
    expect(reparsed.get('old')?.export()).toEqual(sut.keys.get('old')?.export());
    expect(reparsed.get('new')?.export()).toEqual(sut.keys.get('new')?.export());
  });

  it('derives the same keys from the same seed, and different keys per id and per seed', () => {
    // Arrange
    const options = { keyIds: ['a', 'b'], seed: 'local-dev' };

    // Act
    const first = deriveTestKeyring(options);
    const second = deriveTestKeyring(options);
    const otherSeed = deriveTestKeyring({ ...options, seed: 'other' });

    // Assert
    expect(second.text).toBe(first.text);
    expect(first.keys.get('a')?.export()).not.toEqual(first.keys.get('b')?.export());
    expect(otherSeed.text).not.toBe(first.text);
  });

  it('rejects an empty list of key ids', () => {
    // Arrange
    const action = () => deriveTestKeyring({ keyIds: [] });

    // Act
    const error = errorOf(action);

    // Assert
    expect(error.code).toBe(ProtectionErrorCode.INVALID_KEYRING);
  });
});
