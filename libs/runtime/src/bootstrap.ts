import { VersioningType, type DynamicModule, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { RequestHandler } from 'express';
import {
  bodyParserErrorsMiddleware,
  correlationIdMiddleware,
  createValidationPipe,
  installClientErrorProblems,
  ProblemDetailsFilter,
  requestContextMiddleware,
  requestGuardMiddleware,
  buildOpenApiDocument,
  setupOpenApi,
  type OpenApiInfo,
} from '@mrm/http';
import { JetStreamServer } from '@mrm/messaging';
import { MetricsRegistry } from '@mrm/observability';
import { Logger } from 'nestjs-pino';
import { HTTP_LOGGER } from './http-logger.token';
import { httpMetricsMiddleware } from './http-metrics.middleware';
import type { ServiceConfig } from './service-config';

/** How every service's Nest application is created (tests create theirs with the same options). */
export const SERVICE_APP_OPTIONS = {
  bufferLogs: true,
  bodyParser: false,
  abortOnError: false,
} as const;
/** `/api/v1/...` for the API; probes and metrics stay at the root. */
function routeLikeAService(app: INestApplication): void {
  app.setGlobalPrefix('api', { exclude: ['health/live', 'health/ready', 'metrics'] });
  app.enableVersioning({ type: VersioningType.URI });
}

/**
 * The OpenAPI document a service serves, built in Nest's preview mode: the modules are scanned
 * but no provider is created, so nothing connects to PostgreSQL or NATS.
 */
export async function buildServiceOpenApi(
  rootModule: DynamicModule,
  openApi: OpenApiInfo,
): Promise<OpenAPIObject> {
  const app = await NestFactory.create(rootModule, { preview: true, logger: false });
  routeLikeAService(app);
  return buildOpenApiDocument(app, openApi);
}

/**
 * Creates a service application with the platform's HTTP conventions and its JetStream consumers
 * attached, without listening yet (tests call `app.init()`; `runService` listens).
 */
export async function createServiceApp(
  rootModule: DynamicModule,
  config: ServiceConfig,
  openApi: OpenApiInfo,
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(rootModule, SERVICE_APP_OPTIONS);
  configureServiceApp(app, config, openApi);
  return app;
}

/** The platform's HTTP conventions, consumers and OpenAPI document on a created application. */
export function configureServiceApp(
  app: NestExpressApplication,
  config: ServiceConfig,
  openApi: OpenApiInfo,
): void {
  app.useLogger(app.get(Logger));
  app.use(correlationIdMiddleware);
  // Before the body parser, so that the requests it refuses get their access-log line too.
  app.use(app.get<RequestHandler>(HTTP_LOGGER));
  app.use(httpMetricsMiddleware(app.get(MetricsRegistry)));
  app.useBodyParser('json', { limit: config.HTTP_BODY_LIMIT });
  app.use(bodyParserErrorsMiddleware);
  app.use(requestGuardMiddleware);
  app.use(requestContextMiddleware);
  app.disable('x-powered-by');
  routeLikeAService(app);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  // Inherit the global filter so an event handler's own error reaches the JetStream server intact.
  app.connectMicroservice({ strategy: app.get(JetStreamServer) }, { inheritAppConfig: true });
  if (config.HTTP_API_DOCS) setupOpenApi(app, openApi);
  installClientErrorProblems(app.getHttpServer());
}

/** Starts consumers then HTTP; on SIGTERM/SIGINT shuts down gracefully within the grace period. */
export async function runService(
  rootModule: DynamicModule,
  config: ServiceConfig,
  openApi: OpenApiInfo,
): Promise<NestExpressApplication> {
  const app = await createServiceApp(rootModule, config, openApi);
  await app.startAllMicroservices();
  const server = app.getHttpServer();
  server.keepAliveTimeout = config.HTTP_KEEP_ALIVE_TIMEOUT_MS;
  // Node wants the headers timeout above the keep-alive timeout, or it cuts a reused connection.
  server.headersTimeout = config.HTTP_KEEP_ALIVE_TIMEOUT_MS + 1000;
  await app.listen(config.HTTP_PORT, config.HTTP_HOST);
  const logger = app.get(Logger);
  logger.log(`${openApi.title} listening on ${config.HTTP_HOST}:${config.HTTP_PORT}`);
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.log(`${signal} received: draining`);
    setTimeout(() => {
      logger.error(`shutdown took longer than ${config.SHUTDOWN_GRACE_MS} ms; exiting`);
      process.exit(1);
    }, config.SHUTDOWN_GRACE_MS).unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(`shutdown failed: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  return app;
}
