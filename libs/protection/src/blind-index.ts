import { createHmac, KeyObject } from 'node:crypto';
import { decodeSecretKey } from './keyring';
import { normaliseDocumentNumber, normaliseDocumentType, normalisePhoneE164 } from './normalisers';
import { ProtectionError, ProtectionErrorCode } from './protection.errors';

/** Minimum length in bytes of the blind-index key. */
export const BLIND_INDEX_KEY_MIN_BYTES = 32;

/**
 * Blind-index domains used by the protection library itself. Domains reach the database through
 * the hashes they produce: never rename one, or every stored index of that field stops matching.
 */
export const BLIND_INDEX_DOMAINS = {
  phone: 'phone',
} as const;

const DOMAIN = /^[A-Za-z0-9][A-Za-z0-9:_-]{0,63}$/;

/** The blind-index domain of a document type: `document:<TYPE>` (`cin` → `document:CIN`). */
export function documentIndexDomain(type: string): string {
  return `document:${normaliseDocumentType(type)}`;
}

/**
 * Parses the blind-index key from its base64 text (at least 32 bytes). Production keys come from a
 * secret store, never from the repository; use `generateKey()` for tests. The key must differ from
 * every field-encryption key.
 */
export function parseBlindIndexKey(text: string): KeyObject {
  return decodeSecretKey(text, { min: BLIND_INDEX_KEY_MIN_BYTES }, 'The blind-index key');
}

export interface BlindIndexOptions {
  /** A dedicated secret, see {@link parseBlindIndexKey}. */
  readonly key: KeyObject;
}

/**
 * Keyed hashes (HMAC-SHA256) for exact-match search on encrypted fields: store
 * `compute(domain, normalised value)` next to the ciphertext and look rows up by it.
 *
 * The MAC input is `<domain> NUL <value>` (UTF-8), so equal values in different fields (`phone`,
 * `document:CIN`, `name-token`) give unrelated hashes. The output is the full 32-byte MAC as 64
 * lowercase hex characters. Values are hashed as given: normalise them first (or use {@link phone}
 * and {@link document}), or spelling variants will not match.
 *
 * Limits: without the key, hashes reveal only which rows share a value; anyone holding the key
 * can confirm guesses, and low-entropy values (phone numbers, names) are guessable, so the key is
 * as sensitive as the field-encryption keys. Changing the key means recomputing every index from
 * the decrypted fields.
 */
export class BlindIndex {
  readonly #key: KeyObject;

  constructor(options: BlindIndexOptions) {
    const { key } = options;
    if (key.type !== 'secret' || (key.symmetricKeySize ?? 0) < BLIND_INDEX_KEY_MIN_BYTES) {
      throw new ProtectionError(
        ProtectionErrorCode.INVALID_KEY,
        `The blind-index key must be a secret key of at least ${BLIND_INDEX_KEY_MIN_BYTES} bytes`,
      );
    }
    this.#key = key;
  }

  /** Builds an index from the base64 key of the environment, see {@link parseBlindIndexKey}. */
  static fromConfig(config: { readonly key: string }): BlindIndex {
    return new BlindIndex({ key: parseBlindIndexKey(config.key) });
  }

  /** The blind index of `value` within `domain`; `null` and `undefined` give `null`. */
  compute(domain: string, value: string): string;
  compute(domain: string, value: null | undefined): null;
  compute(domain: string, value: string | null | undefined): string | null;
  compute(domain: string, value: string | null | undefined): string | null {
    if (typeof domain !== 'string' || !DOMAIN.test(domain)) {
      throw new ProtectionError(
        ProtectionErrorCode.INVALID_CONTEXT,
        'A blind-index domain is 1–64 characters of A–Z a–z 0–9 : _ -',
      );
    }
    if (value === null || value === undefined) {
      return null;
    }
    if (typeof value !== 'string' || value.length === 0) {
      // An index of "" would make every empty field match every other one.
      throw new ProtectionError(
        ProtectionErrorCode.INVALID_INPUT,
        'Only non-empty strings can be indexed',
      );
    }
    return createHmac('sha256', this.#key).update(`${domain}\u0000${value}`, 'utf8').digest('hex');
  }

  /** The blind index of an E.164 phone number, normalised by `normalisePhoneE164`. */
  phone(e164: string): string;
  phone(e164: null | undefined): null;
  phone(e164: string | null | undefined): string | null;
  phone(e164: string | null | undefined): string | null {
    if (e164 === null || e164 === undefined) {
      return null;
    }
    return this.compute(BLIND_INDEX_DOMAINS.phone, normalisePhoneE164(e164));
  }

  /** The blind index of a document number, in the domain of its type (`document:CIN`). */
  document(type: string, number: string): string;
  document(type: string, number: null | undefined): null;
  document(type: string, number: string | null | undefined): string | null;
  document(type: string, number: string | null | undefined): string | null {
    const domain = documentIndexDomain(type);
    if (number === null || number === undefined) {
      return null;
    }
    return this.compute(domain, normaliseDocumentNumber(type, number));
  }
}
