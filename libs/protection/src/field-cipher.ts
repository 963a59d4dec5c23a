import { createCipheriv, createDecipheriv, KeyObject, randomBytes } from 'node:crypto';
import { FIELD_KEY_BYTES, isValidKeyId, Keyring, parseKeyring } from './keyring';
import { ProtectionError, ProtectionErrorCode } from './protection.errors';

const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const BASE64URL = /^[A-Za-z0-9_-]*$/;
const CONTEXT_MAX_LENGTH = 512;
// IVs are cut from blocks of random bytes, one CSPRNG call per 341 IVs rather than one per field
// (a registration encrypts five). A block is never refilled in place, so an IV is never rewritten.
const IV_BLOCK_BYTES = IV_BYTES * 341;
let ivBlock = Buffer.alloc(0);
let ivOffset = 0;

function nextIv(): Buffer {
  if (ivOffset + IV_BYTES > ivBlock.length) {
    ivBlock = randomBytes(IV_BLOCK_BYTES);
    ivOffset = 0;
  }
  ivOffset += IV_BYTES;
  return ivBlock.subarray(ivOffset - IV_BYTES, ivOffset);
}

export interface FieldCipherOptions {
  /** Every key that may still have written a stored token, by key id. */
  readonly keys: Keyring;
  /** The key used for new tokens; must be in `keys`. */
  readonly activeKeyId: string;
}

interface ParsedToken {
  readonly keyId: string;
  readonly iv: Buffer;
  readonly ciphertext: Buffer;
  readonly tag: Buffer;
}

/**
 * AES-256-GCM encryption of single database fields, with key rotation.
 *
 * A token is `v1.<kid>.<iv>.<ciphertext>.<tag>` (base64url parts, 12-byte random IV, 16-byte tag).
 * The additional authenticated data is `v1.<kid>.<context>`, where the caller's `context` names
 * the row and the field (`beneficiary:<id>:phone`): a token copied to another row or field, or
 * relabelled with another key id, fails to decrypt. The token reveals the plaintext length.
 *
 * Random 96-bit IVs are safe for about 2^32 encryptions per key; rotate keys well before that.
 * `null` and `undefined` pass through as `null`, so nullable columns need no special casing.
 */
export class FieldCipher {
  readonly #keys: ReadonlyMap<string, KeyObject>;
  readonly #activeKeyId: string;

  constructor(options: FieldCipherOptions) {
    const keys = new Map<string, KeyObject>();
    for (const [id, key] of options.keys) {
      if (!isValidKeyId(id)) {
        throw new ProtectionError(ProtectionErrorCode.INVALID_KEYRING, `Invalid key id "${id}"`);
      }
      if (key.type !== 'secret' || key.symmetricKeySize !== FIELD_KEY_BYTES) {
        throw new ProtectionError(
          ProtectionErrorCode.INVALID_KEYRING,
          `Key "${id}" must be a ${FIELD_KEY_BYTES}-byte secret key`,
        );
      }
      keys.set(id, key);
    }
    if (!keys.has(options.activeKeyId)) {
      throw new ProtectionError(
        ProtectionErrorCode.UNKNOWN_ACTIVE_KEY,
        `The active key id "${options.activeKeyId}" is not in the keyring`,
      );
    }
    this.#keys = keys;
    this.#activeKeyId = options.activeKeyId;
  }

  /** Builds a cipher from the keyring text of the environment, see `parseKeyring`. */
  static fromConfig(config: {
    readonly keyring: string;
    readonly activeKeyId: string;
  }): FieldCipher {
    return new FieldCipher({ keys: parseKeyring(config.keyring), activeKeyId: config.activeKeyId });
  }

  /** The id of the key that encrypts new tokens. */
  get activeKeyId(): string {
    return this.#activeKeyId;
  }

  /** Encrypts `plaintext` under the active key, bound to `context`. */
  encrypt(plaintext: string, context: string): string;
  encrypt(plaintext: null | undefined, context: string): null;
  encrypt(plaintext: string | null | undefined, context: string): string | null;
  encrypt(plaintext: string | null | undefined, context: string): string | null {
    const aadContext = checkContext(context);
    if (plaintext === null || plaintext === undefined) {
      return null;
    }
    if (typeof plaintext !== 'string') {
      throw new ProtectionError(ProtectionErrorCode.INVALID_INPUT, 'Only strings can be encrypted');
    }
    const keyId = this.#activeKeyId;
    const iv = nextIv();
    const cipher = createCipheriv(ALGORITHM, this.#key(keyId), iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(aad(keyId, aadContext));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, keyId, iv, ciphertext, cipher.getAuthTag()]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  /**
   * Decrypts a token written by {@link encrypt} with the same `context`, under whichever key of
   * the keyring wrote it. Throws `DECRYPTION_FAILED` when the token was altered or the context
   * differs, `UNKNOWN_KEY_ID` when its key is not in the keyring, `MALFORMED_TOKEN` otherwise.
   */
  decrypt(token: string, context: string): string;
  decrypt(token: null | undefined, context: string): null;
  decrypt(token: string | null | undefined, context: string): string | null;
  decrypt(token: string | null | undefined, context: string): string | null {
    const aadContext = checkContext(context);
    if (token === null || token === undefined) {
      return null;
    }
    const parsed = parseToken(token);
    const decipher = createDecipheriv(ALGORITHM, this.#key(parsed.keyId), parsed.iv, {
      authTagLength: TAG_BYTES,
    });
    decipher.setAuthTag(parsed.tag);
    decipher.setAAD(aad(parsed.keyId, aadContext));
    try {
      return Buffer.concat([decipher.update(parsed.ciphertext), decipher.final()]).toString('utf8');
    } catch (cause) {
      throw new ProtectionError(
        ProtectionErrorCode.DECRYPTION_FAILED,
        `Cannot decrypt a token of key "${parsed.keyId}": it was altered, or it belongs to another context`,
        { cause },
      );
    }
  }

  /** Encrypts a structured value (documents list, address) as JSON. */
  encryptJson(value: null | undefined, context: string): null;
  encryptJson(value: unknown, context: string): string | null;
  encryptJson(value: unknown, context: string): string | null {
    if (value === null || value === undefined) {
      return this.encrypt(null, context);
    }
    let json: string | undefined;
    try {
      json = JSON.stringify(value);
    } catch (cause) {
      throw new ProtectionError(
        ProtectionErrorCode.INVALID_INPUT,
        'The value cannot be serialised as JSON',
        {
          cause,
        },
      );
    }
    if (json === undefined) {
      throw new ProtectionError(
        ProtectionErrorCode.INVALID_INPUT,
        'The value cannot be serialised as JSON',
      );
    }
    return this.encrypt(json, context);
  }

  /**
   * Decrypts a token written by {@link encryptJson}. The result is not validated: `T` is what
   * the caller expects, so validate it when its shape may have changed since it was written.
   */
  decryptJson(token: null | undefined, context: string): null;
  decryptJson<T = unknown>(token: string | null | undefined, context: string): T | null;
  decryptJson<T = unknown>(token: string | null | undefined, context: string): T | null {
    const json = this.decrypt(token, context);
    if (json === null) {
      return null;
    }
    try {
      return JSON.parse(json) as T;
    } catch (cause) {
      throw new ProtectionError(
        ProtectionErrorCode.INVALID_JSON,
        'The decrypted field is not JSON',
        {
          cause,
        },
      );
    }
  }

  /** True when the token was not written under the active key (a re-encryption job should rewrite it). */
  needsReencryption(token: string | null | undefined): boolean {
    if (token === null || token === undefined) {
      return false;
    }
    return parseToken(token).keyId !== this.#activeKeyId;
  }

  /**
   * Rewrites a token under the active key; returns it unchanged when it already is (a rotation job
   * can then skip the write when the result equals its input).
   */
  reencrypt(token: string, context: string): string;
  reencrypt(token: null | undefined, context: string): null;
  reencrypt(token: string | null | undefined, context: string): string | null;
  reencrypt(token: string | null | undefined, context: string): string | null {
    if (token === null || token === undefined || !this.needsReencryption(token)) {
      // Still authenticate it, so that a rotation job never blesses a corrupted token.
      this.decrypt(token, context);
      return token ?? null;
    }
    return this.encrypt(this.decrypt(token, context), context);
  }

  #key(keyId: string): KeyObject {
    const key = this.#keys.get(keyId);
    if (key === undefined) {
      throw new ProtectionError(
        ProtectionErrorCode.UNKNOWN_KEY_ID,
        `The token was written with key "${keyId}", which is not in the keyring`,
      );
    }
    return key;
  }
}

function checkContext(context: string): string {
  if (typeof context !== 'string' || context.length === 0 || context.length > CONTEXT_MAX_LENGTH) {
    throw new ProtectionError(
      ProtectionErrorCode.INVALID_CONTEXT,
      `The encryption context must be a non-empty string of at most ${CONTEXT_MAX_LENGTH} characters`,
    );
  }
  return context;
}

function aad(keyId: string, context: string): Buffer {
  return Buffer.from(`${VERSION}.${keyId}.${context}`, 'utf8');
}

function parseToken(token: string): ParsedToken {
  if (typeof token !== 'string') {
    throw malformed('a token must be a string');
  }
  const parts = token.split('.');
  if (parts.length !== 5) {
    throw malformed('expected 5 dot-separated parts');
  }
  const [version, keyId, iv, ciphertext, tag] = parts;
  if (version !== VERSION) {
    if (/^v\d+$/.test(version)) {
      throw new ProtectionError(
        ProtectionErrorCode.UNSUPPORTED_TOKEN_VERSION,
        `Token version "${version}" is not supported; this code reads "${VERSION}"`,
      );
    }
    throw malformed('it does not start with a version');
  }
  if (!isValidKeyId(keyId)) {
    throw malformed('invalid key id');
  }
  return {
    keyId,
    iv: decodePart(iv, 'IV', IV_BYTES),
    ciphertext: decodePart(ciphertext, 'ciphertext'),
    tag: decodePart(tag, 'authentication tag', TAG_BYTES),
  };
}

function decodePart(text: string, name: string, expectedBytes?: number): Buffer {
  const bytes = BASE64URL.test(text) ? Buffer.from(text, 'base64url') : undefined;
  // Re-encoding rejects non-canonical spellings, so one ciphertext has exactly one token.
  if (bytes === undefined || bytes.toString('base64url') !== text) {
    throw malformed(`the ${name} is not canonical base64url`);
  }
  if (expectedBytes !== undefined && bytes.length !== expectedBytes) {
    throw malformed(`the ${name} must be ${expectedBytes} bytes, got ${bytes.length}`);
  }
  return bytes;
}

function malformed(reason: string): ProtectionError {
  return new ProtectionError(
    ProtectionErrorCode.MALFORMED_TOKEN,
    `Malformed encrypted field: ${reason}`,
  );
}
