import { createSecretKey, hkdfSync, KeyObject, randomBytes } from 'node:crypto';
import { ProtectionError, ProtectionErrorCode } from './protection.errors';

/** Length in bytes of every field-encryption key (AES-256). */
export const FIELD_KEY_BYTES = 32;

/**
 * Field-encryption keys by key id. Key ids are written into every token, so they are permanent
 * once used: never reuse an id for another key.
 */
export type Keyring = ReadonlyMap<string, KeyObject>;

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const BASE64 = /^(?:[A-Za-z0-9+/]+={0,2}|[A-Za-z0-9_-]+)$/;

/** True when `id` can name a key: 1–32 characters of `A–Z a–z 0–9 _ -` (no `.`, `:` or `,`). */
export function isValidKeyId(id: string): boolean {
  return KEY_ID.test(id);
}

/**
 * Parses `kid1:base64key,kid2:base64key` (standard or URL-safe base64, whitespace around entries
 * allowed) into a keyring. Every key must decode to exactly 32 bytes. Errors name the offending
 * key id, never the key.
 *
 * Production keyrings come from a secret store (a Kubernetes Secret mounted as an environment
 * variable), never from source code, `.env` files in the repository or {@link deriveTestKeyring}.
 * To rotate: add a new key, make it active, re-encrypt in the background (see
 * `FieldCipher.needsReencryption`), and drop the old key only when no token uses it any more.
 */
export function parseKeyring(text: string): Keyring {
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  if (entries.length === 0) {
    throw invalidKeyring('the keyring is empty; expected "kid:base64key[,kid:base64key…]"');
  }
  const keys = new Map<string, KeyObject>();
  entries.forEach((entry, index) => {
    const separator = entry.indexOf(':');
    const id = separator < 0 ? '' : entry.slice(0, separator).trim();
    if (!isValidKeyId(id)) {
      throw invalidKeyring(
        `entry ${index + 1} has no valid key id; expected "kid:base64key" with kid made of A-Z a-z 0-9 _ -`,
      );
    }
    if (keys.has(id)) {
      throw invalidKeyring(`key id "${id}" appears twice`);
    }
    keys.set(id, decodeFieldKey(id, entry.slice(separator + 1).trim()));
  });
  return keys;
}

/** Returns a fresh random 32-byte key as standard base64, usable in a keyring or as a blind-index key. */
export function generateKey(): string {
  return randomBytes(FIELD_KEY_BYTES).toString('base64');
}

/** A keyring with its text form (as it would appear in the environment) and its active key id. */
export interface TestKeyring {
  readonly text: string;
  readonly keys: Keyring;
  readonly activeKeyId: string;
}

export interface DeriveTestKeyringOptions {
  /** Key ids in age order; the last one is active. Defaults to `['test1']`. */
  readonly keyIds?: readonly string[];
  /**
   * When given, keys are derived from it (HKDF-SHA256), so that the same seed always yields the
   * same keyring, e.g. to keep a local database readable across restarts. Without it, keys are random.
   */
  readonly seed?: string;
}

/**
 * Builds a keyring for tests and local development only. A seeded keyring is public by
 * construction (anyone with the seed has the keys); a random one is lost when the process ends.
 * Production keys come from a secret store, see {@link parseKeyring}.
 */
export function deriveTestKeyring(options: DeriveTestKeyringOptions = {}): TestKeyring {
  const keyIds = options.keyIds ?? ['test1'];
  if (keyIds.length === 0) {
    throw invalidKeyring('a test keyring needs at least one key id');
  }
  const text = keyIds
    .map((id) => {
      const key =
        options.seed === undefined
          ? randomBytes(FIELD_KEY_BYTES)
          : Buffer.from(
              hkdfSync('sha256', options.seed, 'mrm-protection-test-keyring', id, FIELD_KEY_BYTES),
            );
      return `${id}:${key.toString('base64')}`;
    })
    .join(',');
  return { text, keys: parseKeyring(text), activeKeyId: keyIds[keyIds.length - 1] };
}

/**
 * Decodes a standard or URL-safe base64 secret and checks its length. Shared by the keyring and
 * the blind-index key so that both reject the same malformed inputs.
 */
export function decodeSecretKey(
  text: string,
  bytes: { readonly min: number; readonly max?: number },
  describe: string,
): KeyObject {
  const trimmed = text.trim();
  if (!BASE64.test(trimmed)) {
    throw new ProtectionError(ProtectionErrorCode.INVALID_KEY, `${describe} is not base64`);
  }
  const raw = Buffer.from(
    trimmed,
    trimmed.includes('+') || trimmed.includes('/') ? 'base64' : 'base64url',
  );
  const expected = bytes.max === bytes.min ? `exactly ${bytes.min}` : `at least ${bytes.min}`;
  if (raw.length < bytes.min || (bytes.max !== undefined && raw.length > bytes.max)) {
    throw new ProtectionError(
      ProtectionErrorCode.INVALID_KEY,
      `${describe} must decode to ${expected} bytes, got ${raw.length}`,
    );
  }
  if (raw.every((byte) => byte === raw[0])) {
    // Catches placeholders such as 32 zero bytes or "AAAA…" left in a configuration.
    throw new ProtectionError(
      ProtectionErrorCode.INVALID_KEY,
      `${describe} is a placeholder, not a key`,
    );
  }
  const key = createSecretKey(raw);
  raw.fill(0);
  return key;
}

function decodeFieldKey(id: string, text: string): KeyObject {
  try {
    return decodeSecretKey(text, { min: FIELD_KEY_BYTES, max: FIELD_KEY_BYTES }, `key "${id}"`);
  } catch (error) {
    throw error instanceof ProtectionError ? invalidKeyring(error.message) : error;
  }
}

function invalidKeyring(message: string): ProtectionError {
  return new ProtectionError(ProtectionErrorCode.INVALID_KEYRING, `Invalid keyring: ${message}`);
}
