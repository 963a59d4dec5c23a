import { DynamicModule, Module } from '@nestjs/common';
import { RosterModule } from '@mrm/roster';
import { ServiceCoreModule } from '@mrm/runtime';
import { REFERRALS_ENTITIES, REFERRALS_MIGRATIONS } from './database/schema';
import { PartnersModule } from './partners/partners.module';
import { RegistrationEventsHandler } from './roster/registration-events.handler';
import type { ReferralsConfig } from './referrals.config';

/** Root of the referrals service: the partner directory and referrals to partner institutions. */
@Module({})
export class ReferralsModule {
  static forRoot(config: ReferralsConfig): DynamicModule {
    return {
      module: ReferralsModule,
      imports: [
        ServiceCoreModule.forService({
          service: 'referrals',
          config,
          entities: REFERRALS_ENTITIES,
          migrations: REFERRALS_MIGRATIONS,
        }),
        RosterModule.forService({
          service: 'referrals',
          readRoles: ['referral-officer', 'coordinator'],
        }),
        PartnersModule,
      ],
      controllers: [RegistrationEventsHandler],
    };
  }
}
