import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BeneficiariesModule } from '../beneficiaries/beneficiaries.module';
import { PartnerDispatchService } from './partner-dispatch.service';
import { PartnerSystemKeyEntity } from './partner-system-key.entity';
import { PartnerSystemEventsHandler } from './partner-system-events.handler';

/** What registration sends to partner systems: consented fields, encrypted to each partner. */
@Module({
  imports: [TypeOrmModule.forFeature([PartnerSystemKeyEntity]), BeneficiariesModule],
  controllers: [PartnerSystemEventsHandler],
  providers: [PartnerDispatchService],
  exports: [PartnerDispatchService],
})
export class PartnerDispatchModule {}
