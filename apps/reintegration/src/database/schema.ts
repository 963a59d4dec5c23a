import { ROSTER_MIGRATIONS, RosterBeneficiaryEntity } from '@mrm/roster';
import { MilestoneChainEntity } from '../chains/milestone-chain.entity';
import { ProjectMilestoneEntity } from '../milestones/project-milestone.entity';
import { ProjectBudgetLineEntity } from '../projects/project-budget-line.entity';
import { ProjectMemberEntity } from '../projects/project-member.entity';
import { ProjectTrancheEntity } from '../projects/project-tranche.entity';
import { ProjectEntity } from '../projects/project.entity';
import { CreateProject1796600000000 } from './migrations/1796600000000-CreateProject';
import { CreateMilestoneChain1796600100000 } from './migrations/1796600100000-CreateMilestoneChain';

/** Reintegration's entities and migrations: app, migrate entrypoint and CLI. */
export const REINTEGRATION_ENTITIES = [
  RosterBeneficiaryEntity,
  ProjectEntity,
  ProjectMemberEntity,
  ProjectBudgetLineEntity,
  ProjectTrancheEntity,
  MilestoneChainEntity,
  ProjectMilestoneEntity,
];
export const REINTEGRATION_MIGRATIONS = [
  ...ROSTER_MIGRATIONS,
  CreateProject1796600000000,
  CreateMilestoneChain1796600100000,
];
