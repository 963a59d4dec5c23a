import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BeneficiariesModule } from '../beneficiaries/beneficiaries.module';
import { PartnerDispatchModule } from '../partner-dispatch/partner-dispatch.module';
import { ReferralAccessGrantEntity } from './referral-access-grant.entity';
import { ReferralAccessService } from './referral-access.service';
import { ReferralEventsHandler } from './referral-events.handler';
import { ReferredBeneficiariesController } from './referred-beneficiaries.controller';

/** Receiving institutions read the consented fields of a person while their referral is open. */
@Module({
  imports: [
    TypeOrmModule.forFeature([ReferralAccessGrantEntity]),
    BeneficiariesModule,
    PartnerDispatchModule,
  ],
  controllers: [ReferredBeneficiariesController, ReferralEventsHandler],
  providers: [ReferralAccessService],
})
export class ReferralAccessModule {}
