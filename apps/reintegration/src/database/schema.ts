import { ROSTER_MIGRATIONS, RosterBeneficiaryEntity } from '@mrm/roster';
import { ScheduledTimerEntity, TIMER_MIGRATIONS } from '@mrm/timers';
import { MilestoneChainEntity } from '../chains/milestone-chain.entity';
import { ProjectMilestoneEntity } from '../milestones/project-milestone.entity';
import { PlanRevisionEntity } from '../plans/plan-revision.entity';
import { PlanEntity } from '../plans/plan.entity';
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
import { CreatePlan1796600400000 } from './migrations/1796600400000-CreatePlan';
import { CreateTrainingCompletion1796600500000 } from './migrations/1796600500000-CreateTrainingCompletion';
import { IndexPlanByOwnerOrg1796600600000 } from './migrations/1796600600000-IndexPlanByOwnerOrg';

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
  PlanEntity,
  PlanRevisionEntity,
];
export const REINTEGRATION_MIGRATIONS = [
  ...ROSTER_MIGRATIONS,
  ...TIMER_MIGRATIONS,
  CreateProject1796600000000,
  CreateMilestoneChain1796600100000,
  CreateVisit1796600200000,
  CreateSurvey1796600300000,
  CreatePlan1796600400000,
  CreateTrainingCompletion1796600500000,
  IndexPlanByOwnerOrg1796600600000,
];
