import { DynamicModule, Module } from '@nestjs/common';
import { RosterModule } from '@mrm/roster';
import { ServiceCoreModule, timersOptionsFrom } from '@mrm/runtime';
import { TimersModule } from '@mrm/timers';
import { ConsentsModule } from './consents/consents.module';
import { REFERRALS_ENTITIES, REFERRALS_MIGRATIONS } from './database/schema';
import { ErasuresModule } from './erasures/erasures.module';
import { DeadlinesModule } from './deadlines/deadlines.module';
import { PartnerBusModule } from './partner-bus/partner-bus.module';
import { PartnersModule } from './partners/partners.module';
import type { ReferralsConfig } from './referrals.config';
import { ReferralsFeatureModule } from './referrals/referrals.module';
import { SuggestionsModule } from './suggestions/suggestions.module';
import { RegistrationEventsHandler } from './roster/registration-events.handler';

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
        TimersModule.forService(timersOptionsFrom(config)),
        RosterModule.forService({
          service: 'referrals',
          readRoles: ['referral-officer', 'coordinator'],
        }),
        PartnersModule,
        ConsentsModule,
        DeadlinesModule.forRoot(config.REFERRALS_DEADLINES),
        ReferralsFeatureModule,
        ErasuresModule,
        SuggestionsModule,
        PartnerBusModule,
      ],
      controllers: [RegistrationEventsHandler],
    };
  }
}
