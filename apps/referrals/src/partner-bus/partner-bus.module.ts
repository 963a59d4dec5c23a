import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ErasuresModule } from '../erasures/erasures.module';
import { ReferralsFeatureModule } from '../referrals/referrals.module';
import { PartnerConsumers } from './partner-consumers';
import { PartnerDeliveriesController } from './partner-deliveries.controller';
import { PartnerDeliveries } from './partner-deliveries.service';
import { PartnerDeliveryEntity } from './partner-delivery.entity';
import { PartnerProvisioning } from './partner-provisioning.service';
import { PartnerResponsesConsumer } from './partner-responses.consumer';
import { PartnerSystemEntity } from './partner-system.entity';
import { PartnerSystemsService } from './partner-systems.service';

/**
 * The partner bus (docs/partners.md): partner systems and their credentials, the partners'
 * consumers, their answers applied to the referral workflow, receipts per hop.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([PartnerSystemEntity, PartnerDeliveryEntity]),
    ReferralsFeatureModule,
    ErasuresModule,
  ],
  controllers: [PartnerDeliveriesController],
  providers: [
    PartnerSystemsService,
    PartnerConsumers,
    PartnerDeliveries,
    PartnerResponsesConsumer,
    PartnerProvisioning,
  ],
  exports: [PartnerProvisioning, PartnerSystemsService],
})
export class PartnerBusModule {}
