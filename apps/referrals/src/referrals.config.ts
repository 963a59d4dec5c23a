import { ServiceConfig } from '@mrm/runtime';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** Referrals' environment: the shared keys and the deadline windows. */
export class ReferralsConfig extends ServiceConfig {
  /**
   * Deadline windows in hours per service type and priority, as JSON, e.g.
   * `{"legal-aid": {"normal": {"acknowledgement": 48, "answer": 240}}}`; the rest keep the defaults.
   */
  @IsOptional() @IsString() @MaxLength(10_000) REFERRALS_DEADLINES?: string;
}
