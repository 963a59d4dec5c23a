import { Module } from '@nestjs/common';
import { AttendanceModule } from '../attendance/attendance.module';
import { CoursesModule } from '../courses/courses.module';
import { EnrolmentsModule } from '../enrolments/enrolments.module';
import { SessionsModule } from '../sessions/sessions.module';
import { AttendanceImportController } from './attendance-import.controller';
import { AttendanceImportService } from './attendance-import.service';

@Module({
  imports: [CoursesModule, SessionsModule, EnrolmentsModule, AttendanceModule],
  controllers: [AttendanceImportController],
  providers: [AttendanceImportService],
})
export class AttendanceImportModule {}
