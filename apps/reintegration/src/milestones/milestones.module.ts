import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChainsModule } from '../chains/chains.module';
import { ProjectsModule } from '../projects/projects.module';
import { VisitsModule } from '../visits/visits.module';
import { MilestonesController } from './milestones.controller';
import { MilestonesService } from './milestones.service';
import { ProjectMilestoneEntity } from './project-milestone.entity';

/** Legal-creation milestones of projects, along their versioned chain. */
@Module({
  imports: [
    TypeOrmModule.forFeature([ProjectMilestoneEntity]),
    ChainsModule,
    ProjectsModule,
    VisitsModule,
  ],
  controllers: [MilestonesController],
  providers: [MilestonesService],
})
export class MilestonesModule {}
