import { DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { AuthModule } from '@mrm/auth';
import type { Producer } from '@mrm/contracts';
import { MessagingModule } from '@mrm/messaging';
import {
  buildLoggerParams,
  createHttpLogger,
  MetricsRegistry,
  ObservabilityModule,
} from '@mrm/observability';
import { PersistenceModule } from '@mrm/persistence';
import { LoggerModule } from 'nestjs-pino';
import { authOptionsFrom } from './auth-config';
import { HealthController } from './health.controller';
import { HTTP_LOGGER } from './http-logger.token';
import { MetricsController } from './metrics.controller';
import { messagingOptionsFrom, type ServiceConfig } from './service-config';
import { SERVICE_CONFIG } from './service-config.token';
import { ShutdownState } from './shutdown-state';
import { withPlatformSchema, type ServiceSchema } from './platform-schema';

export interface ServiceCoreOptions extends ServiceSchema {
  readonly service: Producer;
  readonly config: ServiceConfig;
}

/**
 * What every service is made of besides its features: JSON logs, metrics, its database (created and
 * migrated), the event backbone, authentication, health and metrics endpoints.
 */
@Module({})
export class ServiceCoreModule {
  static forService(options: ServiceCoreOptions): DynamicModule {
    const { service, config } = options;
    const loggerParams = buildLoggerParams(service, config.LOG_LEVEL);
    return {
      module: ServiceCoreModule,
      global: true,
      imports: [
        LoggerModule.forRoot(loggerParams),
        ObservabilityModule,
        PersistenceModule.forService({
          service,
          url: config.DATABASE_URL,
          ...withPlatformSchema(options),
          migrateOnStart: config.DATABASE_MIGRATE_ON_START,
          poolSize: config.DATABASE_POOL_SIZE,
          statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
        }),
        MessagingModule.forService(messagingOptionsFrom(config, service)),
        AuthModule.forRoot(authOptionsFrom(config)),
        TerminusModule,
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: SERVICE_CONFIG, useValue: config },
        { provide: HTTP_LOGGER, useFactory: () => createHttpLogger(loggerParams) },
        ShutdownState,
        {
          provide: 'SERVICE_METRICS_LABEL',
          useFactory: (metrics: MetricsRegistry) => metrics.setService(service),
          inject: [MetricsRegistry],
        },
      ],
      exports: [SERVICE_CONFIG, HTTP_LOGGER, ShutdownState],
    };
  }
}
