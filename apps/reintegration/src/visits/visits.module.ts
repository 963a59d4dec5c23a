import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProjectsModule } from '../projects/projects.module';
import { VisitScheduleService } from './visit-schedule.service';
import { VisitEntity } from './visit.entity';
import { VisitReader } from './visit.reader';
import { VisitsController } from './visits.controller';
import { VisitsService } from './visits.service';

/** Follow-up visits of operating projects, their durable due-date timers and their records. */
@Module({
  imports: [TypeOrmModule.forFeature([VisitEntity]), ProjectsModule],
  controllers: [VisitsController],
  providers: [VisitScheduleService, VisitsService, VisitReader],
  exports: [VisitScheduleService],
})
export class VisitsModule {}
