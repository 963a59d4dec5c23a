import { Module } from '@nestjs/common';
import { AttendanceModule } from '../attendance/attendance.module';
import { CoursesModule } from '../courses/courses.module';
import { EnrolmentsModule } from '../enrolments/enrolments.module';
import { SessionsModule } from '../sessions/sessions.module';
import { CompletionController } from './completion.controller';
import { CompletionService } from './completion.service';

@Module({
  imports: [CoursesModule, SessionsModule, EnrolmentsModule, AttendanceModule],
  controllers: [CompletionController],
  providers: [CompletionService],
})
export class CompletionModule {}
