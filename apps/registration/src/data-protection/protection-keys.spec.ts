import { generateKey } from '@mrm/protection';
import { DEV_BLIND_INDEX_KEY, DEV_ENCRYPTION_KEYS } from '../registration.config';
import { protectionKeysFrom } from './protection-keys';

const config = (overrides: Record<string, string | undefined> = {}) => ({
  NODE_ENV: 'development',
  REGISTRATION_ENCRYPTION_KEYS: DEV_ENCRYPTION_KEYS,
  REGISTRATION_ENCRYPTION_ACTIVE_KEY_ID: undefined,
  REGISTRATION_BLIND_INDEX_KEY: DEV_BLIND_INDEX_KEY,
  ...overrides,
});

describe('protectionKeysFrom', () => {
  it('uses the development keys when NODE_ENV says development', () => {
    const sut = protectionKeysFrom(config());

    expect(sut).toEqual({
      keyring: DEV_ENCRYPTION_KEYS,
      activeKeyId: 'dev1',
      blindIndexKey: DEV_BLIND_INDEX_KEY,
    });
  });

  it.each([
    ['the development keyring', { REGISTRATION_BLIND_INDEX_KEY: generateKey() }],
    ['the development blind-index key', { REGISTRATION_ENCRYPTION_KEYS: `k1:${generateKey()}` }],
  ])('refuses %s in production', (_case, overrides) => {
    expect(() => protectionKeysFrom(config({ NODE_ENV: 'production', ...overrides }))).toThrow(
      /development keys are accepted only with NODE_ENV=development or test/,
    );
  });

  it('refuses the development keys when NODE_ENV is unset', () => {
    expect(() => protectionKeysFrom(config({ NODE_ENV: undefined }))).toThrow(
      /development keys are accepted only/,
    );
  });

  it('accepts real keys in production; the last key of the keyring is active by default', () => {
    const sut = protectionKeysFrom(
      config({
        NODE_ENV: 'production',
        REGISTRATION_ENCRYPTION_KEYS: `k2025:${generateKey()}, k2026:${generateKey()}`,
        REGISTRATION_BLIND_INDEX_KEY: generateKey(),
      }),
    );

    expect(sut.activeKeyId).toBe('k2026');
  });

  it('honours an explicit active key id', () => {
    const sut = protectionKeysFrom(
      config({
        REGISTRATION_ENCRYPTION_KEYS: `a:${generateKey()},b:${generateKey()}`,
        REGISTRATION_ENCRYPTION_ACTIVE_KEY_ID: 'a',
      }),
    );

    expect(sut.activeKeyId).toBe('a');
  });

  it('refuses a blind-index key equal to an encryption key', () => {
    const key = generateKey();

    expect(() =>
      protectionKeysFrom(
        config({ REGISTRATION_ENCRYPTION_KEYS: `k1:${key}`, REGISTRATION_BLIND_INDEX_KEY: key }),
      ),
    ).toThrow(/must differ/);
  });
});
