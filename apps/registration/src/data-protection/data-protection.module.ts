import { Global, Module } from '@nestjs/common';
import { IDEMPOTENCY_RESPONSE_SEALER } from '@mrm/http';
import { BlindIndex, FieldCipher, parseKeyring } from '@mrm/protection';
import { SERVICE_CONFIG } from '@mrm/runtime';
import { EncryptedResponseSealer } from './encrypted-response.sealer';
import { protectionKeysFrom } from './protection-keys';
import type { RegistrationConfig } from '../registration.config';

/**
 * The field cipher and blind index of registration, built once at boot from the configuration
 * (a bad or, in production, a development key stops the service before it listens). Global so
 * every feature and the idempotency interceptor share them.
 */
@Global()
@Module({
  providers: [
    {
      provide: FieldCipher,
      useFactory: (config: RegistrationConfig) => {
        const keys = protectionKeysFrom(config);
        return new FieldCipher({ keys: parseKeyring(keys.keyring), activeKeyId: keys.activeKeyId });
      },
      inject: [SERVICE_CONFIG],
    },
    {
      provide: BlindIndex,
      useFactory: (config: RegistrationConfig) =>
        BlindIndex.fromConfig({ key: protectionKeysFrom(config).blindIndexKey }),
      inject: [SERVICE_CONFIG],
    },
    { provide: IDEMPOTENCY_RESPONSE_SEALER, useClass: EncryptedResponseSealer },
  ],
  exports: [FieldCipher, BlindIndex, IDEMPOTENCY_RESPONSE_SEALER],
})
export class DataProtectionModule {}
