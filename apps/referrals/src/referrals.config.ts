import { ServiceConfig } from '@mrm/runtime';
import { IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';

/** Referrals' environment: the shared keys, the deadline windows and the partner bus. */
export class ReferralsConfig extends ServiceConfig {
  /**
   * Deadline windows in hours per service type and priority, as JSON, e.g.
   * `{"legal-aid": {"normal": {"acknowledgement": 48, "answer": 240}}}`; the rest keep the defaults.
   */
  @IsOptional() @IsString() @MaxLength(10_000) REFERRALS_DEADLINES?: string;

  /** Seconds without a fetch after which a partner system is flagged stale (metric, directory). */
  @IsInt() @Min(1) PARTNER_FETCH_STALE_AFTER: number = 900;
  /** How often the partners' consumers are read for delivery receipts. */
  @IsInt() @Min(100) PARTNER_RECEIPTS_INTERVAL_MS: number = 5000;
  /** The NATS authorization file `npm run partners` re-renders (unset: not written). */
  @IsOptional() @IsString() NATS_AUTHORIZATION_FILE?: string;
  /** Pid file of the nats-server to reload after re-rendering (unset: no reload). */
  @IsOptional() @IsString() NATS_SERVER_PID_FILE?: string;
}
