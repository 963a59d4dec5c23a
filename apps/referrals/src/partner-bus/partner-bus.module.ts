import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ErasuresModule } from '../erasures/erasures.module';
import { PartnersModule } from '../partners/partners.module';
import { ReferralsFeatureModule } from '../referrals/referrals.module';
import { PartnerConsumers } from './partner-consumers';
import { PartnerDeliveriesController } from './partner-deliveries.controller';
import { PartnerDeliveries } from './partner-deliveries.service';
import { PartnerDeliveryEntity } from './partner-delivery.entity';
import { PartnerProvisioning } from './partner-provisioning.service';
import { PartnerResponsesConsumer } from './partner-responses.consumer';
import { PartnerSystemStatusReader } from './partner-system-status.service';
import { PartnerSystemEntity } from './partner-system.entity';
import { PartnerSystemsController } from './partner-systems.controller';
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
    PartnersModule,
  ],
  controllers: [PartnerDeliveriesController, PartnerSystemsController],
  providers: [
    PartnerSystemsService,
    PartnerConsumers,
    PartnerDeliveries,
    PartnerResponsesConsumer,
    PartnerProvisioning,
    PartnerSystemStatusReader,
  ],
  exports: [PartnerProvisioning, PartnerSystemsService],
})
export class PartnerBusModule {}
