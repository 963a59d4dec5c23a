export * from './blind-index';
export * from './field-cipher';
export {
  deriveTestKeyring,
  FIELD_KEY_BYTES,
  generateKey,
  isValidKeyId,
  parseKeyring,
  type DeriveTestKeyringOptions,
  type Keyring,
  type TestKeyring,
} from './keyring';
export * from './normalisers';
export * from './protection.errors';
