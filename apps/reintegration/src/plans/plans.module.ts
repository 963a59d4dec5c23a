import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlanRevisionEntity } from './plan-revision.entity';
import { PlanEntity } from './plan.entity';
import { PlansController } from './plans.controller';
import { PlanRegistryService } from './plan-registry.service';
import { PlanReader } from './plan.reader';
import { PlansService } from './plans.service';
import { TrainingCompletionsService } from './training-completions.service';
import { TrainingEventsHandler } from './training-events.handler';

/** Needs assessments and reintegration plans, with their revision history and the trainings done. */
@Module({
  imports: [TypeOrmModule.forFeature([PlanEntity, PlanRevisionEntity])],
  controllers: [PlansController, TrainingEventsHandler],
  providers: [PlansService, PlanReader, PlanRegistryService, TrainingCompletionsService],
  exports: [PlanRegistryService],
})
export class PlansModule {}
