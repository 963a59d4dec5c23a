import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConsentsModule } from '../consents/consents.module';
import { PartnersModule } from '../partners/partners.module';
import { ConsentOverrideEntity } from './consent-override.entity';
import { ConsentEventsHandler } from './handlers/consent-events.handler';
import { ReferralBusinessStatusService } from './referral-business-status.service';
import { ReferralErasuresService } from './referral-erasures.service';
import { ReferralMergesService } from './referral-merges.service';
import { ReferralDeadlinesService } from './referral-deadlines.service';
import { ReferralRequestsService } from './referral-requests.service';
import { ReferralSuspensionsService } from './referral-suspensions.service';
import { ReferralTransitionEntity } from './referral-transition.entity';
import { ReferralTransitionsController } from './referral-transitions.controller';
import { ReferralTransitionsService } from './referral-transitions.service';
import { ReferralEntity } from './referral.entity';
import { ReferralsController } from './referrals.controller';
import { ReferralsService } from './referrals.service';

/** Referrals and their lifecycle, consent check, deadlines and suspension. */
@Module({
  imports: [
    TypeOrmModule.forFeature([ReferralEntity, ReferralTransitionEntity, ConsentOverrideEntity]),
    ConsentsModule,
    PartnersModule,
  ],
  controllers: [ReferralsController, ReferralTransitionsController, ConsentEventsHandler],
  providers: [
    ReferralsService,
    ReferralRequestsService,
    ReferralTransitionsService,
    ReferralDeadlinesService,
    ReferralSuspensionsService,
    ReferralErasuresService,
    ReferralMergesService,
    ReferralBusinessStatusService,
  ],
  exports: [
    ReferralErasuresService,
    ReferralMergesService,
    ReferralsService,
    ReferralTransitionsService,
  ],
})
export class ReferralsFeatureModule {}
