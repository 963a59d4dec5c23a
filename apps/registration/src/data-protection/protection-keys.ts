import { isDevelopmentEnvironment } from '@mrm/runtime';
import {
  DEV_BLIND_INDEX_KEY,
  DEV_ENCRYPTION_KEYS,
  type RegistrationConfig,
} from '../registration.config';

export interface ProtectionKeys {
  readonly keyring: string;
  readonly activeKeyId: string;
  readonly blindIndexKey: string;
}

type KeyConfig = Pick<
  RegistrationConfig,
  | 'NODE_ENV'
  | 'REGISTRATION_ENCRYPTION_KEYS'
  | 'REGISTRATION_ENCRYPTION_ACTIVE_KEY_ID'
  | 'REGISTRATION_BLIND_INDEX_KEY'
>;

/**
 * The protection keys of the configuration. The public development keys are refused unless
 * NODE_ENV says development or test, like the development JWT secret; an encryption key reused as
 * blind-index key is refused too.
 */
export function protectionKeysFrom(config: KeyConfig): ProtectionKeys {
  const keyring = config.REGISTRATION_ENCRYPTION_KEYS;
  const blindIndexKey = config.REGISTRATION_BLIND_INDEX_KEY;
  if (!isDevelopmentEnvironment(config)) {
    const devKeys = DEV_ENCRYPTION_KEYS.split(',').map((entry) => entry.split(':')[1]);
    if (blindIndexKey === DEV_BLIND_INDEX_KEY || devKeys.some((key) => keyring.includes(key))) {
      throw new Error(
        'Set REGISTRATION_ENCRYPTION_KEYS and REGISTRATION_BLIND_INDEX_KEY from a secret store: ' +
          'the development keys are accepted only with NODE_ENV=development or test',
      );
    }
  }
  const entries = keyring
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  if (
    entries.some((entry) => entry.slice(entry.indexOf(':') + 1).trim() === blindIndexKey.trim())
  ) {
    throw new Error('REGISTRATION_BLIND_INDEX_KEY must differ from every encryption key');
  }
  const lastKeyId = entries.length > 0 ? entries[entries.length - 1].split(':')[0].trim() : '';
  return {
    keyring,
    activeKeyId: config.REGISTRATION_ENCRYPTION_ACTIVE_KEY_ID ?? lastKeyId,
    blindIndexKey,
  };
}
