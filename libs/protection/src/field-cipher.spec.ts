import { createSecretKey } from 'node:crypto';
import { inspect } from 'node:util';
import { aCipher, errorOf, flipped, withPart } from '../test/protection-test-helpers';
import { FieldCipher } from './field-cipher';
import { deriveTestKeyring, parseKeyring } from './keyring';
import { ProtectionErrorCode } from './protection.errors';

const CONTEXT = 'beneficiary:0190c0de-0000-7000-8000-000000000001:phone';
const TOKEN = /^v1\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]*)\.([A-Za-z0-9_-]{22})$/;

describe('FieldCipher', () => {
  describe('encrypt and decrypt', () => {
    it.each([
      ['a phone number', '+212612345678'],
      ['an empty string', ''],
      ['Arabic script and accents', 'فاطمة الزهراء — Aïcha Benhaddou'],
      ['a long text', 'x'.repeat(10_000)],
    ])('round-trips %s', (_case, plaintext) => {
      // Arrange
      const sut = aCipher();

      // Act
      const token = sut.encrypt(plaintext, CONTEXT);

      // Assert
      expect(sut.decrypt(token, CONTEXT)).toBe(plaintext);
    });

    it('writes a v1 token under the active key with a 12-byte IV and a 16-byte tag', () => {
      // Arrange
      const sut = aCipher(['old', 'new']);

      // Act
      const token = sut.encrypt('+212612345678', CONTEXT);

      // Assert
      const match = TOKEN.exec(token);
      expect(match).not.toBeNull();
      expect(match?.[1]).toBe('new');
      expect(Buffer.from(match?.[2] ?? '', 'base64url')).toHaveLength(12);
      expect(Buffer.from(match?.[4] ?? '', 'base64url')).toHaveLength(16);
    });

    it('uses a fresh IV each time, so equal plaintexts give different tokens', () => {
      // Arrange
      const sut = aCipher();

      // Act
      const first = sut.encrypt('+212612345678', CONTEXT);
      const second = sut.encrypt('+212612345678', CONTEXT);

      // Assert
      expect(first).not.toBe(second);
      expect(first.split('.')[2]).not.toBe(second.split('.')[2]);
    });

    it('never repeats an IV, also across the blocks of random bytes IVs are cut from', () => {
      // Arrange
      const sut = aCipher();
      const count = 1000; // three blocks of 341 IVs

      // Act
      const tokens = Array.from({ length: count }, (_, index) => sut.encrypt(`n${index}`, CONTEXT));

      // Assert
      expect(new Set(tokens.map((token) => token.split('.')[2])).size).toBe(count);
      tokens.forEach((token, index) => expect(sut.decrypt(token, CONTEXT)).toBe(`n${index}`));
    });

    it('does not contain the plaintext', () => {
      // Arrange
      const sut = aCipher();

      // Act
      const token = sut.encrypt('+212612345678', CONTEXT);

      // Assert
      expect(token).not.toContain('212612345678');
      expect(Buffer.from(token.split('.')[3], 'base64url').toString('latin1')).not.toContain(
        '2126',
      );
    });

    it('decrypts a token of the published v1 format (pinned vector, checked with another AES-GCM implementation)', () => {
      // Arrange
      const key = Buffer.from(Array.from({ length: 32 }, (_, i) => i)).toString('base64');
      const sut = FieldCipher.fromConfig({ keyring: `k2024:${key}`, activeKeyId: 'k2024' });
      const token = 'v1.k2024.gThX5jk_MTVz45zj.3ZMHLpJ0iiIPhQJ8pg.XHSr-YenuIL65ebi4y-wpw';

      // Act
      const plaintext = sut.decrypt(token, CONTEXT);

      // Assert
      expect(plaintext).toBe('+212612345678');
    });

    it.each([
      ['null', null],
      ['undefined', undefined],
    ])('passes %s through as null', (_case, value) => {
      // Arrange
      const sut = aCipher();

      // Act
      const encrypted = sut.encrypt(value, CONTEXT);
      const decrypted = sut.decrypt(value, CONTEXT);

      // Assert
      expect(encrypted).toBeNull();
      expect(decrypted).toBeNull();
    });
  });

  describe('key rotation', () => {
    it('still decrypts tokens of an older key after a new key becomes active', () => {
      // Arrange
      const keyring = deriveTestKeyring({ keyIds: ['k2024', 'k2025'], seed: 'rotation' });
      const before = new FieldCipher({ keys: keyring.keys, activeKeyId: 'k2024' });
      const sut = new FieldCipher({ keys: keyring.keys, activeKeyId: 'k2025' });
      const oldToken = before.encrypt('+212612345678', CONTEXT);

      // Act
      const plaintext = sut.decrypt(oldToken, CONTEXT);

      // Assert
      expect(plaintext).toBe('+212612345678');
      expect(sut.encrypt('+212612345678', CONTEXT).split('.')[1]).toBe('k2025');
    });

    it('tells which tokens are not under the active key', () => {
      // Arrange
      const keyring = deriveTestKeyring({ keyIds: ['k2024', 'k2025'], seed: 'rotation' });
      const before = new FieldCipher({ keys: keyring.keys, activeKeyId: 'k2024' });
      const sut = new FieldCipher({ keys: keyring.keys, activeKeyId: 'k2025' });

      // Act
      const oldNeeds = sut.needsReencryption(before.encrypt('x', CONTEXT));
      const newNeeds = sut.needsReencryption(sut.encrypt('x', CONTEXT));
      const nullNeeds = sut.needsReencryption(null);

      // Assert
      expect(oldNeeds).toBe(true);
      expect(newNeeds).toBe(false);
      expect(nullNeeds).toBe(false);
    });

    it('re-encrypts an old token under the active key and leaves a current one unchanged', () => {
      // Arrange
      const keyring = deriveTestKeyring({ keyIds: ['k2024', 'k2025'], seed: 'rotation' });
      const before = new FieldCipher({ keys: keyring.keys, activeKeyId: 'k2024' });
      const sut = new FieldCipher({ keys: keyring.keys, activeKeyId: 'k2025' });
      const oldToken = before.encrypt('+212612345678', CONTEXT);
      const currentToken = sut.encrypt('+212612345678', CONTEXT);

      // Act
      const rewritten = sut.reencrypt(oldToken, CONTEXT);
      const untouched = sut.reencrypt(currentToken, CONTEXT);

      // Assert
      expect(rewritten.split('.')[1]).toBe('k2025');
      expect(sut.decrypt(rewritten, CONTEXT)).toBe('+212612345678');
      expect(untouched).toBe(currentToken);
      expect(sut.reencrypt(null, CONTEXT)).toBeNull();
    });

    it('refuses to re-encrypt a tampered token, even one under the active key', () => {
      // Arrange
      const sut = aCipher();
      const token = sut.encrypt('+212612345678', CONTEXT);
      const tampered = withPart(token, 3, flipped(token.split('.')[3]));

      // Act
      const error = errorOf(() => sut.reencrypt(tampered, CONTEXT));

      // Assert
      expect(error.code).toBe(ProtectionErrorCode.DECRYPTION_FAILED);
    });
  });

  describe('JSON fields', () => {
    it('round-trips structured values', () => {
      // Arrange
      const sut = aCipher();
      const documents = [
        { type: 'CIN', number: 'AB123456', expiresOn: '2031-05-01' },
        { type: 'PASSPORT', number: 'X1234567', country: 'SN' },
      ];

      // Act
      const token = sut.encryptJson(documents, 'beneficiary:1:documents');

      // Assert
      expect(token).toMatch(TOKEN);
      expect(sut.decryptJson(token, 'beneficiary:1:documents')).toEqual(documents);
    });

    it('passes null and undefined through as null', () => {
      // Arrange
      const sut = aCipher();

      // Act
      const encrypted = sut.encryptJson(undefined, 'beneficiary:1:address');
      const decrypted = sut.decryptJson(null, 'beneficiary:1:address');

      // Assert
      expect(encrypted).toBeNull();
      expect(decrypted).toBeNull();
    });

    it('binds JSON tokens to their context too', () => {
      // Arrange
      const sut = aCipher();
      const token = sut.encryptJson({ city: 'Béni Mellal' }, 'beneficiary:1:address');

      // Act
      const error = errorOf(() => sut.decryptJson(token, 'beneficiary:2:address'));

      // Assert
      expect(error.code).toBe(ProtectionErrorCode.DECRYPTION_FAILED);
    });

    it('reports a decrypted text that is not JSON', () => {
      // Arrange
      const sut = aCipher();
      const token = sut.encrypt('not json', 'beneficiary:1:address');

      // Act
      const error = errorOf(() => sut.decryptJson(token, 'beneficiary:1:address'));

      // Assert
      expect(error.code).toBe(ProtectionErrorCode.INVALID_JSON);
    });

    it.each([
      ['a function', () => 1],
      ['a bigint', 1n],
    ])('rejects %s, which JSON cannot represent', (_case, value) => {
      // Arrange
      const sut = aCipher();

      // Act
      const error = errorOf(() => sut.encryptJson(value, 'beneficiary:1:address'));

      // Assert
      expect(error.code).toBe(ProtectionErrorCode.INVALID_INPUT);
    });
  });

  describe('configuration', () => {
    it('refuses an active key id that is not in the keyring', () => {
      // Arrange
      const keys = deriveTestKeyring({ keyIds: ['k1'] }).keys;

      // Act
      const error = errorOf(() => new FieldCipher({ keys, activeKeyId: 'k2' }));

      // Assert
      expect(error.code).toBe(ProtectionErrorCode.UNKNOWN_ACTIVE_KEY);
    });

    it('refuses keys that are not 32-byte secret keys', () => {
      // Arrange
      const keys = new Map([['k1', createSecretKey(Buffer.alloc(16, 3))]]);

      // Act
      const error = errorOf(() => new FieldCipher({ keys, activeKeyId: 'k1' }));

      // Assert
      expect(error.code).toBe(ProtectionErrorCode.INVALID_KEYRING);
    });

    it('builds from the keyring text of the environment', () => {
      // Arrange
      const { text } = deriveTestKeyring({ keyIds: ['a', 'b'] });

      // Act
      const sut = FieldCipher.fromConfig({ keyring: text, activeKeyId: 'a' });

      // Assert
      expect(sut.activeKeyId).toBe('a');
      expect(sut.decrypt(sut.encrypt('x', CONTEXT), CONTEXT)).toBe('x');
    });

    it('is not affected when the caller mutates the keyring map afterwards', () => {
      // Arrange
      const keys = new Map(parseKeyring(deriveTestKeyring({ keyIds: ['k1'] }).text));
      const sut = new FieldCipher({ keys, activeKeyId: 'k1' });
      const token = sut.encrypt('x', CONTEXT);

      // Act
      keys.delete('k1');

      // Assert
      expect(sut.decrypt(token, CONTEXT)).toBe('x');
    });

    it('does not show its keys when logged or serialised', () => {
      // Arrange
      const { text } = deriveTestKeyring();
      const secret = text.split(':')[1];

      // Act
      const sut = FieldCipher.fromConfig({ keyring: text, activeKeyId: 'test1' });

      // Assert
      expect(JSON.stringify(sut)).not.toContain(secret);
      expect(inspect(sut, { depth: 5, showHidden: true })).not.toContain(secret);
    });
  });
});
