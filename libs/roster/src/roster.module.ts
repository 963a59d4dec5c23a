import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RosterBeneficiaryEntity } from './roster-beneficiary.entity';
import { createRosterController } from './roster.controller';
import { ROSTER_OPTIONS, type RosterOptions } from './roster.options';
import { RosterProjector } from './roster.projector';
import { RosterService } from './roster.service';

/**
 * The beneficiary roster read model: its writer, its reader and its HTTP route. It registers no
 * event handler: each service handles registration's events itself, calls the projector, then
 * runs its own reactions in the same transaction (one handler per subject per service).
 */
@Module({})
export class RosterModule {
  /** The roster of one service, in that service's own database (`ROSTER_MIGRATIONS`). */
  static forService(options: RosterOptions): DynamicModule {
    return {
      module: RosterModule,
      global: true,
      imports: [TypeOrmModule.forFeature([RosterBeneficiaryEntity])],
      controllers: [createRosterController(options.readRoles)],
      providers: [{ provide: ROSTER_OPTIONS, useValue: options }, RosterService, RosterProjector],
      exports: [RosterService, RosterProjector],
    };
  }
}
