import { FieldCipher } from '../src/field-cipher';
import { deriveTestKeyring } from '../src/keyring';
import { ProtectionError } from '../src/protection.errors';

/** Runs `action` and returns the ProtectionError it throws; fails the test otherwise. */
export function errorOf(action: () => unknown): ProtectionError {
  try {
    action();
  } catch (error) {
    if (error instanceof ProtectionError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a ProtectionError');
}

/** A cipher over seeded test keys; the last key id is active unless told otherwise. */
export function aCipher(
  keyIds: readonly string[] = ['k1'],
  activeKeyId = keyIds[keyIds.length - 1],
): FieldCipher {
  const keyring = deriveTestKeyring({ keyIds, seed: 'field-cipher-spec' });
  return new FieldCipher({ keys: keyring.keys, activeKeyId });
}

/** Replaces one part of a token (1 = kid, 2 = iv, 3 = ciphertext, 4 = tag). */
export function withPart(token: string, index: number, value: string): string {
  const parts = token.split('.');
  parts[index] = value;
  return parts.join('.');
}

/** Flips one bit of a base64url part, keeping it canonical. */
export function flipped(part: string): string {
  const bytes = Buffer.from(part, 'base64url');
  bytes[0] ^= 0x01;
  return bytes.toString('base64url');
}
