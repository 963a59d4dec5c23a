import { ServiceConfig } from '@mrm/runtime';
import { IsInt, IsString, Max, Min, MinLength } from 'class-validator';

/**
 * Reporting's environment: the shared keys, the small-count threshold, the DHIS2 mapping, the
 * roll-up compaction.
 */
export class ReportingConfig extends ServiceConfig {
  /** Published figures hide counts above zero and under this (and the cells that would reveal them). */
  @IsInt() @Min(2) @Max(1000) REPORTING_SUPPRESSION_THRESHOLD: number = 5;
  /** Indicator → DHIS2 data element and category option combo codes (relative to the working directory). */
  @IsString() @MinLength(1) REPORTING_DHIS2_MAPPING_FILE: string =
    'apps/reporting/config/dhis2-mapping.json';
  /** How often the pending roll-up deltas are folded into the roll-ups; 0 turns it off. */
  @IsInt() @Min(0) @Max(3_600_000) REPORTING_ROLLUP_COMPACT_INTERVAL_MS: number = 2000;
}
