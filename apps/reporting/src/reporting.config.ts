import { ServiceConfig } from '@mrm/runtime';
import { IsInt, Max, Min } from 'class-validator';

/** Reporting's environment: the shared keys and the small-count threshold. */
export class ReportingConfig extends ServiceConfig {
  /** Published figures hide counts above zero and under this (and the cells that would reveal them). */
  @IsInt() @Min(2) @Max(1000) REPORTING_SUPPRESSION_THRESHOLD: number = 5;
}
