import 'reflect-metadata';
import { Transform, plainToInstance } from 'class-transformer';
import {
  getMetadataStorage,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import { PLATFORM_SERVICES, SERVICE_NAMES, type Producer } from '@mrm/contracts';
import type { MessagingOptions } from '@mrm/messaging';
import type { TimersOptions } from '@mrm/timers';

// Reads the raw value: implicit conversion would already have turned "false" into true.
const toBoolean = ({ obj, key }: { obj: Record<string, unknown>; key: string }) => {
  const raw = obj[key];
  return typeof raw === 'string' ? ['true', '1', 'yes'].includes(raw.toLowerCase()) : raw;
};

/** Default HTTP port of each service (ARCHITECTURE.md §1). */
export const DEFAULT_PORTS: Record<Producer, number> = Object.fromEntries(
  SERVICE_NAMES.map((name) => [name, PLATFORM_SERVICES[name].port]),
) as Record<Producer, number>;

// Every property is annotated: under isolatedModules an inferred type emits no decorator metadata,
// and implicit conversion of environment strings needs it.
/**
 * Environment shared by every service, validated at start-up. Defaults point at the local
 * PostgreSQL and NATS so a machine that has both runs the platform with no configuration.
 */
export class ServiceConfig {
  @Matches(/^postgres(ql)?:\/\/.+\/[a-z_][a-z0-9_]*$/, {
    message: 'DATABASE_URL must be postgres://…/<database>',
  })
  DATABASE_URL: string;

  @Matches(/^(nats|tls):\/\/[^,\s]+(,(nats|tls):\/\/[^,\s]+)*$/, {
    message: 'NATS_URL must be nats://host:port[,…]',
  })
  NATS_URL: string = 'nats://127.0.0.1:4222';

  @IsOptional() @IsString() NATS_USER?: string;
  @IsOptional() @IsString() NATS_PASSWORD?: string;
  /** Reply inbox prefix; `_INBOX_<service>` when unset, the only one its NATS user may read. */
  @IsOptional() @Matches(/^_INBOX[A-Za-z0-9_-]*$/) NATS_INBOX_PREFIX?: string;
  /** CA of the NATS servers' TLS certificates (deploy/: the `nats-ca` Secret). */
  @IsOptional() @IsString() NATS_TLS_CA_FILE?: string;

  @Matches(/^([a-z][a-z0-9]{0,15})?$/) NATS_NAMESPACE: string = '';
  @IsInt() @Min(1) @Max(5) NATS_STREAM_REPLICAS: number = 1;
  @IsInt() @Min(0) NATS_STREAM_MAX_AGE_DAYS: number = 3650;

  @IsInt() @Min(1) @Max(100) CONSUMER_MAX_DELIVER: number = 5;
  @IsInt() @Min(1) @Max(256) CONSUMER_CONCURRENCY: number = 16;
  @IsInt() @Min(1000) CONSUMER_ACK_WAIT_MS: number = 30_000;
  @IsInt() @Min(10) CONSUMER_BACKOFF_BASE_MS: number = 1000;
  @IsInt() @Min(10) CONSUMER_BACKOFF_MAX_MS: number = 60_000;

  @IsInt() @Min(50) OUTBOX_POLL_INTERVAL_MS: number = 1000;
  @IsInt() @Min(1) @Max(1000) OUTBOX_BATCH_SIZE: number = 200;
  /**
   * Published outbox rows are deleted after this many days: JetStream deduplicates for 2 minutes
   * only, so a published row is never needed again; a week keeps it for inspection.
   */
  @IsInt() @Min(1) OUTBOX_RETENTION_DAYS: number = 7;
  /**
   * Inbox rows are deleted after this many days. A message is redelivered for at most
   * CONSUMER_MAX_DELIVER × (ack wait + backoff), minutes with the defaults; 30 days also covers a
   * consumer rewound or restored from a backup of the last month.
   */
  @IsInt() @Min(1) INBOX_RETENTION_DAYS: number = 30;
  /** Time between two prunings of the outbox and inbox (one replica at a time); 0 stops them. */
  @IsInt() @Min(0) MESSAGE_PRUNE_INTERVAL_MS: number = 600_000;
  @IsInt() @Min(1) @Max(100_000) MESSAGE_PRUNE_BATCH_SIZE: number = 5000;

  /** Time between two sweeps of the durable timers (deadlines, visits); 0 stops the sweeps. */
  @IsInt() @Min(0) TIMER_SWEEP_INTERVAL_MS: number = 5000;
  @IsInt() @Min(1) @Max(1000) TIMER_BATCH_SIZE: number = 100;

  @IsInt() @Min(1) @Max(200) DATABASE_POOL_SIZE: number = 10;
  /** Longest statement of a request or handler, in ms (0: no limit); the migrate Job has none. */
  @IsInt() @Min(0) DATABASE_STATEMENT_TIMEOUT_MS: number = 60_000;
  @Transform(toBoolean) @IsBoolean() DATABASE_MIGRATE_ON_START: boolean = true;

  @IsInt() @Min(0) @Max(65535) HTTP_PORT: number;
  @IsString() HTTP_HOST: string = '0.0.0.0';
  @Matches(/^\d+(kb|mb)$/) HTTP_BODY_LIMIT: string = '256kb';
  /**
   * How long an idle keep-alive connection stays open. Longer than the idle timeout of the proxies
   * in front (ingress, load balancers: 60 s), so that the service never closes a connection a proxy
   * is about to reuse; Node's default of 5 s makes such a request fail ("socket hang up", a 502).
   */
  @IsInt() @Min(1000) HTTP_KEEP_ALIVE_TIMEOUT_MS: number = 65_000;
  /** Serve Swagger UI and the OpenAPI document; a production API may keep its map private. */
  @Transform(toBoolean) @IsBoolean() HTTP_API_DOCS: boolean = true;
  /** When set, `/metrics` answers only `Authorization: Bearer <METRICS_TOKEN>` (the scraper's). */
  @IsOptional() @IsString() @MinLength(16) METRICS_TOKEN?: string;
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL: string = 'info';
  /** Unset counts as production: development secrets need development or test said explicitly. */
  @IsOptional() @IsIn(['development', 'test', 'production']) NODE_ENV?: string;
  @IsInt() @Min(0) SHUTDOWN_GRACE_MS: number = 10_000;

  @IsOptional() @IsString() JWT_SECRET?: string;
  @IsOptional() @Matches(/^https?:\/\//) JWT_JWKS_URL?: string;
  @IsOptional() @IsString() JWT_ISSUER?: string;
  @IsOptional() @IsString() JWT_AUDIENCE?: string;
  /** Outside development: tokens issued longer ago than this are refused, whatever their exp. */
  @IsInt() @Min(60) @Max(86_400) JWT_MAX_TOKEN_AGE_SECONDS: number = 3600;
}

export class ConfigValidationError extends Error {}

/**
 * Builds a validated config from an environment (process.env in production, a literal in tests).
 * Empty strings count as unset; every problem is reported at once.
 */
export function loadConfig<T extends ServiceConfig>(
  configClass: new () => T,
  service: Producer,
  env: Record<string, string | undefined>,
): T {
  const defaults = {
    DATABASE_URL: `postgres://postgres@127.0.0.1:5432/mrm_${service}`,
    HTTP_PORT: String(DEFAULT_PORTS[service]),
  };
  const known = Object.keys(new configClass()).concat(
    Object.keys(defaults),
    optionalKeys(configClass),
  );
  const provided = Object.fromEntries(
    Object.entries(env).filter(
      ([key, value]) => value !== undefined && value !== '' && known.includes(key),
    ),
  );
  const config = plainToInstance(
    configClass,
    { ...defaults, ...provided },
    { enableImplicitConversion: true },
  );
  const errors = validateSync(config, { whitelist: false });
  const problems = errors.flatMap((error) => Object.values(error.constraints ?? {}));
  if (problems.length > 0) {
    throw new ConfigValidationError(
      `Invalid ${service} configuration:\n - ${problems.join('\n - ')}`,
    );
  }
  return config;
}

function optionalKeys(configClass: new () => ServiceConfig): string[] {
  // Optional properties have no initialiser, so they are read from the validation metadata.
  return getMetadataStorage()
    .getTargetValidationMetadatas(configClass, '', true, false)
    .map((metadata) => metadata.propertyName);
}

/** The durable timers' options from a validated config. */
export function timersOptionsFrom(config: ServiceConfig): TimersOptions {
  return { sweepIntervalMs: config.TIMER_SWEEP_INTERVAL_MS, batchSize: config.TIMER_BATCH_SIZE };
}

/** The messaging backbone's options from a validated config. */
export function messagingOptionsFrom(config: ServiceConfig, service: Producer): MessagingOptions {
  return {
    service,
    natsUrl: config.NATS_URL,
    natsUser: config.NATS_USER,
    natsPassword: config.NATS_PASSWORD,
    // Any server accepts the prefix; an authorizing one lets the service read nothing else.
    natsInboxPrefix: config.NATS_INBOX_PREFIX ?? `_INBOX_${service}`,
    natsTlsCaFile: config.NATS_TLS_CA_FILE,
    namespace: config.NATS_NAMESPACE,
    streamReplicas: config.NATS_STREAM_REPLICAS,
    streamMaxAgeDays: config.NATS_STREAM_MAX_AGE_DAYS,
    maxDeliver: config.CONSUMER_MAX_DELIVER,
    ackWaitMs: config.CONSUMER_ACK_WAIT_MS,
    baseBackoffMs: config.CONSUMER_BACKOFF_BASE_MS,
    maxBackoffMs: config.CONSUMER_BACKOFF_MAX_MS,
    concurrency: config.CONSUMER_CONCURRENCY,
    outboxPollIntervalMs: config.OUTBOX_POLL_INTERVAL_MS,
    outboxBatchSize: config.OUTBOX_BATCH_SIZE,
    outboxRetentionDays: config.OUTBOX_RETENTION_DAYS,
    inboxRetentionDays: config.INBOX_RETENTION_DAYS,
    pruneIntervalMs: config.MESSAGE_PRUNE_INTERVAL_MS,
    pruneBatchSize: config.MESSAGE_PRUNE_BATCH_SIZE,
  };
}
