import { Module } from '@nestjs/common';
import { BeneficiaryFactsProjector } from './beneficiary-facts.projector';
import { BeneficiaryFactsRebuild } from './beneficiary-facts.rebuild';
import { BeneficiaryIndicatorsController } from './beneficiary-indicators.controller';
import { BeneficiaryIndicatorsService } from './beneficiary-indicators.service';
import { BeneficiaryEventsHandler } from './handlers/beneficiary-events.handler';

@Module({
  controllers: [BeneficiaryIndicatorsController, BeneficiaryEventsHandler],
  providers: [BeneficiaryFactsProjector, BeneficiaryFactsRebuild, BeneficiaryIndicatorsService],
  exports: [BeneficiaryFactsRebuild],
})
export class BeneficiaryIndicatorsModule {}
