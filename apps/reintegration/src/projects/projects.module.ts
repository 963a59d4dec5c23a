import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChainsModule } from '../chains/chains.module';
import { DisbursementsController } from './disbursements.controller';
import { DisbursementsService } from './disbursements.service';
import { ProjectBudgetLineEntity } from './project-budget-line.entity';
import { ProjectMemberEntity } from './project-member.entity';
import { ProjectTrancheEntity } from './project-tranche.entity';
import { ProjectEntity } from './project.entity';
import { ProjectReader } from './project.reader';
import { ProjectsController } from './projects.controller';
import { MemberRegistryService } from './member-registry.service';
import { ProjectsService } from './projects.service';

/** Projects with members, budget and tranches; exports the service other features lock through. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      ProjectEntity,
      ProjectMemberEntity,
      ProjectBudgetLineEntity,
      ProjectTrancheEntity,
    ]),
    ChainsModule,
  ],
  controllers: [ProjectsController, DisbursementsController],
  providers: [ProjectsService, ProjectReader, DisbursementsService, MemberRegistryService],
  exports: [ProjectsService, ProjectReader, MemberRegistryService],
})
export class ProjectsModule {}
