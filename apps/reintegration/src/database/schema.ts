import { ROSTER_MIGRATIONS, RosterBeneficiaryEntity } from '@mrm/roster';
import { ScheduledTimerEntity, TIMER_MIGRATIONS } from '@mrm/timers';
import { MilestoneChainEntity } from '../chains/milestone-chain.entity';
import { ProjectMilestoneEntity } from '../milestones/project-milestone.entity';
import { ProjectBudgetLineEntity } from '../projects/project-budget-line.entity';
import { ProjectMemberEntity } from '../projects/project-member.entity';
import { ProjectTrancheEntity } from '../projects/project-tranche.entity';
import { ProjectEntity } from '../projects/project.entity';
import { SurveyResponseEntity } from '../surveys/survey-response.entity';
import { SurveyScoreEntity } from '../surveys/survey-score.entity';
import { SurveyWeightsEntity } from '../surveys/survey-weights.entity';
import { VisitEntity } from '../visits/visit.entity';
import { CreateProject1796600000000 } from './migrations/1796600000000-CreateProject';
import { CreateMilestoneChain1796600100000 } from './migrations/1796600100000-CreateMilestoneChain';
import { CreateVisit1796600200000 } from './migrations/1796600200000-CreateVisit';
import { CreateSurvey1796600300000 } from './migrations/1796600300000-CreateSurvey';

/** Reintegration's entities and migrations: app, migrate entrypoint and CLI. */
export const REINTEGRATION_ENTITIES = [
  RosterBeneficiaryEntity,
  ScheduledTimerEntity,
  ProjectEntity,
  ProjectMemberEntity,
  ProjectBudgetLineEntity,
  ProjectTrancheEntity,
  MilestoneChainEntity,
  ProjectMilestoneEntity,
  VisitEntity,
  SurveyWeightsEntity,
  SurveyResponseEntity,
  SurveyScoreEntity,
];
export const REINTEGRATION_MIGRATIONS = [
  ...ROSTER_MIGRATIONS,
  ...TIMER_MIGRATIONS,
  CreateProject1796600000000,
  CreateMilestoneChain1796600100000,
  CreateVisit1796600200000,
  CreateSurvey1796600300000,
];
