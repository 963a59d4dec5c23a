import { DynamicModule, Module } from '@nestjs/common';
import { RosterModule } from '@mrm/roster';
import { ServiceCoreModule } from '@mrm/runtime';
import { AttendanceImportModule } from './attendance-import/attendance-import.module';
import { AttendanceModule } from './attendance/attendance.module';
import { CertificatesModule } from './certificates/certificates.module';
import { CompletionModule } from './completion/completion.module';
import { CoursesModule } from './courses/courses.module';
import { EnrolmentsModule } from './enrolments/enrolments.module';
import { SatisfactionModule } from './satisfaction/satisfaction.module';
import { SessionsModule } from './sessions/sessions.module';
import { TRAINING_ENTITIES, TRAINING_MIGRATIONS } from './database/schema';
import { RegistrationEventsHandler } from './roster/registration-events.handler';
import type { TrainingConfig } from './training.config';

/** Root of the training service: courses, sessions and who attends them. */
@Module({})
export class TrainingModule {
  static forRoot(config: TrainingConfig): DynamicModule {
    return {
      module: TrainingModule,
      imports: [
        ServiceCoreModule.forService({
          service: 'training',
          config,
          entities: TRAINING_ENTITIES,
          migrations: TRAINING_MIGRATIONS,
        }),
        RosterModule.forService({ service: 'training', readRoles: ['trainer', 'coordinator'] }),
        CoursesModule,
        SessionsModule,
        EnrolmentsModule,
        AttendanceModule,
        CompletionModule,
        SatisfactionModule,
        CertificatesModule,
        AttendanceImportModule,
      ],
      controllers: [RegistrationEventsHandler],
    };
  }
}
