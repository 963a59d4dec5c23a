import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BeneficiaryErasedHandler } from './handlers/beneficiary-erased.handler';
import { BeneficiaryMergedHandler } from './handlers/beneficiary-merged.handler';
import { BeneficiaryRegisteredHandler } from './handlers/beneficiary-registered.handler';
import { BeneficiaryUpdatedHandler } from './handlers/beneficiary-updated.handler';
import { RosterBeneficiaryEntity } from './roster-beneficiary.entity';
import { createRosterController } from './roster.controller';
import { ROSTER_OPTIONS, type RosterOptions } from './roster.options';
import { RosterProjector } from './roster.projector';
import { RosterService } from './roster.service';

/**
 * The beneficiary roster read model, fed by registration's events. Event handlers are
 * controllers: that is where Nest finds them.
 */
@Module({})
export class RosterModule {
  /**
   * The roster of one service, in that service's own database: the service lists
   * `RosterBeneficiaryEntity` in its schema and owns the migration of `roster_beneficiary`.
   */
  static forService(options: RosterOptions): DynamicModule {
    return {
      module: RosterModule,
      imports: [TypeOrmModule.forFeature([RosterBeneficiaryEntity])],
      controllers: [
        createRosterController(options.readRoles),
        BeneficiaryRegisteredHandler,
        BeneficiaryUpdatedHandler,
        BeneficiaryMergedHandler,
        BeneficiaryErasedHandler,
      ],
      providers: [{ provide: ROSTER_OPTIONS, useValue: options }, RosterService, RosterProjector],
    };
  }
}
