import { DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule } from '@mrm/runtime';
import { AuditModule } from './audit/audit.module';
import { BeneficiariesModule } from './beneficiaries/beneficiaries.module';
import { ConsentsModule } from './consents/consents.module';
import { DataProtectionModule } from './data-protection/data-protection.module';
import { DuplicatesModule } from './duplicates/duplicates.module';
import { ErasureModule } from './erasure/erasure.module';
import { ImportsModule } from './imports/imports.module';
import { MatchReviewsModule } from './match-reviews/match-reviews.module';
import { ProgrammesModule } from './programmes/programmes.module';
import { ReferralAccessModule } from './referral-access/referral-access.module';
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
        DataProtectionModule,
        AuditModule,
        BeneficiariesModule,
        ProgrammesModule,
        ConsentsModule,
        DuplicatesModule,
        MatchReviewsModule,
        ImportsModule,
        ErasureModule,
        ReferralAccessModule,
      ],
    };
  }
}
