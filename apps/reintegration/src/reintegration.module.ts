import { DynamicModule, Module } from '@nestjs/common';
import { RosterModule } from '@mrm/roster';
import { ServiceCoreModule, timersOptionsFrom } from '@mrm/runtime';
import { TimersModule } from '@mrm/timers';
import { ChainsModule } from './chains/chains.module';
import { REINTEGRATION_ENTITIES, REINTEGRATION_MIGRATIONS } from './database/schema';
import { MilestonesModule } from './milestones/milestones.module';
import { PlansModule } from './plans/plans.module';
import { ProjectsModule } from './projects/projects.module';
import { RegistrationEventsHandler } from './roster/registration-events.handler';
import { SurveysModule } from './surveys/surveys.module';
import { VisitsModule } from './visits/visits.module';
import type { ReintegrationConfig } from './reintegration.config';

/** Root of the reintegration service: reintegration plans and the projects that carry them. */
@Module({})
export class ReintegrationModule {
  static forRoot(config: ReintegrationConfig): DynamicModule {
    return {
      module: ReintegrationModule,
      imports: [
        ServiceCoreModule.forService({
          service: 'reintegration',
          config,
          entities: REINTEGRATION_ENTITIES,
          migrations: REINTEGRATION_MIGRATIONS,
        }),
        RosterModule.forService({
          service: 'reintegration',
          readRoles: ['project-officer', 'coordinator'],
        }),
        TimersModule.forService(timersOptionsFrom(config)),
        PlansModule,
        ChainsModule,
        ProjectsModule,
        MilestonesModule,
        VisitsModule,
        SurveysModule,
      ],
      controllers: [RegistrationEventsHandler],
    };
  }
}
