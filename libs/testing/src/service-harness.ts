import type { DynamicModule } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { signDevToken, type Role } from '@mrm/auth';
import type { Producer } from '@mrm/contracts';
import type { OpenApiInfo } from '@mrm/http';
import {
  configureServiceApp,
  createServiceApp,
  loadConfig,
  SERVICE_APP_OPTIONS,
  type ServiceConfig,
} from '@mrm/runtime';
import { Test } from '@nestjs/testing';
import { testNatsUrl } from './test-environment';

export interface TestServiceInput<C extends ServiceConfig> {
  readonly service: Producer;
  readonly configClass: new () => C;
  readonly rootModule: (config: C) => DynamicModule;
  readonly openApi: OpenApiInfo;
  readonly databaseUrl: string;
  readonly namespace: string;
  /** Extra environment, e.g. faster backoff for retry tests. */
  readonly env?: Record<string, string>;
  /** Providers replaced by test values, e.g. `{ provide: Clock, useValue: manualClock }`. */
  readonly overrides?: ReadonlyArray<{ readonly provide: unknown; readonly useValue: unknown }>;
}

/**
 * Boots a real service in this process: real database (migrated), real NATS, consumers started,
 * HTTP ready for supertest on `app.getHttpServer()`. Close with `app.close()`.
 */
export async function startTestService<C extends ServiceConfig>(
  input: TestServiceInput<C>,
): Promise<{ app: NestExpressApplication; config: C }> {
  const config = loadConfig(input.configClass, input.service, {
    NODE_ENV: 'test',
    DATABASE_URL: input.databaseUrl,
    NATS_URL: testNatsUrl(),
    NATS_NAMESPACE: input.namespace,
    HTTP_PORT: '0',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    OUTBOX_POLL_INTERVAL_MS: '200',
    CONSUMER_BACKOFF_BASE_MS: '100',
    CONSUMER_BACKOFF_MAX_MS: '1000',
    ...input.env,
  });
  const app = input.overrides?.length
    ? await createOverriddenApp(input.rootModule(config), config, input)
    : await createServiceApp(input.rootModule(config), config, input.openApi);
  await app.startAllMicroservices();
  await app.init();
  return { app, config };
}

// The same application as createServiceApp, built through Nest's testing module to replace providers.
async function createOverriddenApp<C extends ServiceConfig>(
  rootModule: DynamicModule,
  config: C,
  input: TestServiceInput<C>,
): Promise<NestExpressApplication> {
  let builder = Test.createTestingModule({ imports: [rootModule] });
  for (const { provide, useValue } of input.overrides ?? []) {
    builder = builder.overrideProvider(provide).useValue(useValue);
  }
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>(SERVICE_APP_OPTIONS);
  configureServiceApp(app, config, input.openApi);
  return app;
}

/** `Authorization` header value for a development token. */
export function bearer(org: string, roles: Role[], sub = 'test-user'): string {
  return `Bearer ${signDevToken({ sub, org, roles })}`;
}
