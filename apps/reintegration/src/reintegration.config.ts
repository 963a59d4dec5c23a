import { ServiceConfig } from '@mrm/runtime';
import { IsInt, IsString, Max, Min, MinLength } from 'class-validator';

/** Reintegration's environment: the shared keys, plus where its versioned configuration lives. */
export class ReintegrationConfig extends ServiceConfig {
  /** Legal milestone chains (JSON), loaded into `milestone_chain` at boot. */
  @IsString() @MinLength(1) REINTEGRATION_MILESTONE_CHAINS_FILE: string =
    'apps/reintegration/config/milestone-chains.json';

  /** Follow-up visit schedules per programme (JSON), loaded into `visit_schedule` at boot. */
  @IsString() @MinLength(1) REINTEGRATION_VISIT_SCHEDULES_FILE: string =
    'apps/reintegration/config/visit-schedules.json';

  /** RSS weights (JSON), loaded into `survey_weights` at boot. */
  @IsString() @MinLength(1) REINTEGRATION_SURVEY_WEIGHTS_FILE: string =
    'apps/reintegration/config/survey-weights.json';

  /** Days after registration or return within which a plan is due. */
  @IsInt() @Min(1) @Max(365) REINTEGRATION_PLAN_DUE_DAYS: number = 30;
}
