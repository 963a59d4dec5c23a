/** Stable codes for every failure of the protection primitives. */
export enum ProtectionErrorCode {
  /** The keyring text or a key in it is unusable (syntax, length, duplicate id). */
  INVALID_KEYRING = 'INVALID_KEYRING',
  /** A secret key is unusable (wrong type or too short). */
  INVALID_KEY = 'INVALID_KEY',
  /** The active key id names no key of the keyring. */
  UNKNOWN_ACTIVE_KEY = 'UNKNOWN_ACTIVE_KEY',
  /** A token names a key id that this keyring does not hold. */
  UNKNOWN_KEY_ID = 'UNKNOWN_KEY_ID',
  /** The text is not a token of the expected shape. */
  MALFORMED_TOKEN = 'MALFORMED_TOKEN',
  /** The token was written by a format version this code does not read. */
  UNSUPPORTED_TOKEN_VERSION = 'UNSUPPORTED_TOKEN_VERSION',
  /** Authentication failed: the token was altered, or the context differs from encryption's. */
  DECRYPTION_FAILED = 'DECRYPTION_FAILED',
  /** The decrypted text of a JSON field is not JSON. */
  INVALID_JSON = 'INVALID_JSON',
  /** A context or blind-index domain is empty or has forbidden characters. */
  INVALID_CONTEXT = 'INVALID_CONTEXT',
  /** A value to protect or normalise is of the wrong type or shape. */
  INVALID_INPUT = 'INVALID_INPUT',
}

/**
 * A failure of field encryption, blind indexing or normalisation. These are technical errors
 * (misconfiguration, corrupted or tampered data), not business rules: callers let them surface as
 * 500s, except `INVALID_INPUT` from the normalisers, which input validation should have prevented.
 * Messages never contain plaintexts, key material or the values being normalised.
 */
export class ProtectionError extends Error {
  constructor(
    readonly code: ProtectionErrorCode,
    message: string,
    options?: { readonly cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ProtectionError';
  }
}
