import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CoursesModule } from '../courses/courses.module';
import { CourseSessionEntity } from './course-session.entity';
import { CourseSessionsController } from './course-sessions.controller';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';

@Module({
  imports: [TypeOrmModule.forFeature([CourseSessionEntity]), CoursesModule],
  controllers: [CourseSessionsController, SessionsController],
  providers: [SessionsService],
  // Attendance, completion and certificates read sessions through SessionsService.
  exports: [SessionsService],
})
export class SessionsModule {}
