import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BeneficiaryErasedHandler } from './handlers/beneficiary-erased.handler';
import { BeneficiaryMergedHandler } from './handlers/beneficiary-merged.handler';
import { BeneficiaryRegisteredHandler } from './handlers/beneficiary-registered.handler';
import { BeneficiaryUpdatedHandler } from './handlers/beneficiary-updated.handler';
import { RosterBeneficiaryEntity } from './roster-beneficiary.entity';
import { RosterController } from './roster.controller';
import { RosterProjector } from './roster.projector';
import { RosterService } from './roster.service';

/** The roster read model. Event handlers are controllers: that is where Nest finds them. */
@Module({
  imports: [TypeOrmModule.forFeature([RosterBeneficiaryEntity])],
  controllers: [
    RosterController,
    BeneficiaryRegisteredHandler,
    BeneficiaryUpdatedHandler,
    BeneficiaryMergedHandler,
    BeneficiaryErasedHandler,
  ],
  providers: [RosterService, RosterProjector],
})
export class RosterModule {}
