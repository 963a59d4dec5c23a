import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CoursesModule } from '../courses/courses.module';
import { EnrolmentEntity } from './enrolment.entity';
import { EnrolmentsController } from './enrolments.controller';
import { EnrolmentsService } from './enrolments.service';
import { RegistryReactionsService } from './registry-reactions.service';

@Module({
  imports: [TypeOrmModule.forFeature([EnrolmentEntity]), CoursesModule],
  controllers: [EnrolmentsController],
  providers: [EnrolmentsService, RegistryReactionsService],
  // RegistryReactionsService: the registration-events handler calls it on erasure and merge.
  exports: [EnrolmentsService, RegistryReactionsService],
})
export class EnrolmentsModule {}
