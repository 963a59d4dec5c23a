import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConsentsModule } from '../consents/consents.module';
import { PartnersModule } from '../partners/partners.module';
import type { DeadlinePolicy } from '../deadlines/deadline-policy';
import { ConsentOverrideEntity } from './consent-override.entity';
import { ConsentEventsHandler } from './handlers/consent-events.handler';
import { ReferralDeadlinesService } from './referral-deadlines.service';
import { ReferralRequestsService } from './referral-requests.service';
import { ReferralSuspensionsService } from './referral-suspensions.service';
import { ReferralTransitionEntity } from './referral-transition.entity';
import { ReferralTransitionsController } from './referral-transitions.controller';
import { ReferralTransitionsService } from './referral-transitions.service';
import { ReferralEntity } from './referral.entity';
import { DEADLINE_POLICY } from './referral.tokens';
import { ReferralsController } from './referrals.controller';
import { ReferralsService } from './referrals.service';

/** Referrals and their lifecycle, consent check, deadlines and suspension. */
@Module({})
export class ReferralsFeatureModule {
  static register(policy: DeadlinePolicy): DynamicModule {
    return {
      module: ReferralsFeatureModule,
      imports: [
        TypeOrmModule.forFeature([ReferralEntity, ReferralTransitionEntity, ConsentOverrideEntity]),
        ConsentsModule,
        PartnersModule,
      ],
      controllers: [ReferralsController, ReferralTransitionsController, ConsentEventsHandler],
      providers: [
        { provide: DEADLINE_POLICY, useValue: policy },
        ReferralsService,
        ReferralRequestsService,
        ReferralTransitionsService,
        ReferralDeadlinesService,
        ReferralSuspensionsService,
      ],
    };
  }
}
