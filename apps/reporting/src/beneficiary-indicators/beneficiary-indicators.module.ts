import { Module } from '@nestjs/common';
import { ProjectionsModule } from '../projections/projections.module';
import { BeneficiaryFactsRebuild } from './beneficiary-facts.rebuild';
import { BeneficiaryIndicatorsController } from './beneficiary-indicators.controller';
import { BeneficiaryIndicatorsService } from './beneficiary-indicators.service';

@Module({
  imports: [ProjectionsModule],
  controllers: [BeneficiaryIndicatorsController],
  providers: [BeneficiaryFactsRebuild, BeneficiaryIndicatorsService],
  exports: [BeneficiaryFactsRebuild],
})
export class BeneficiaryIndicatorsModule {}
