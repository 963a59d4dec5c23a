import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlanRevisionEntity } from './plan-revision.entity';
import { PlanEntity } from './plan.entity';
import { PlansController } from './plans.controller';
import { PlanRegistryService } from './plan-registry.service';
import { PlansService } from './plans.service';

/** Needs assessments and reintegration plans, with their revision history. */
@Module({
  imports: [TypeOrmModule.forFeature([PlanEntity, PlanRevisionEntity])],
  controllers: [PlansController],
  providers: [PlansService, PlanRegistryService],
  exports: [PlanRegistryService],
})
export class PlansModule {}
