import { DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule } from '@mrm/runtime';
import { BeneficiariesModule } from './beneficiaries/beneficiaries.module';
import { REGISTRATION_ENTITIES, REGISTRATION_MIGRATIONS } from './database/schema';
import type { RegistrationConfig } from './registration.config';

/** Root of the registration service: the national beneficiary registry. */
@Module({})
export class RegistrationModule {
  static forRoot(config: RegistrationConfig): DynamicModule {
    return {
      module: RegistrationModule,
      imports: [
        ServiceCoreModule.forService({
          service: 'registration',
          config,
          entities: REGISTRATION_ENTITIES,
          migrations: REGISTRATION_MIGRATIONS,
        }),
        BeneficiariesModule,
      ],
    };
  }
}
