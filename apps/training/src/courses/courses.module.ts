import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CourseLifecycleController } from './course-lifecycle.controller';
import { CourseLifecycleService } from './course-lifecycle.service';
import { CourseEntity } from './course.entity';
import { CoursesController } from './courses.controller';
import { CoursesService } from './courses.service';

@Module({
  imports: [TypeOrmModule.forFeature([CourseEntity])],
  controllers: [CoursesController, CourseLifecycleController],
  providers: [CoursesService, CourseLifecycleService],
  // Sessions, enrolments and completion lock and read courses through CoursesService.
  exports: [CoursesService],
})
export class CoursesModule {}
