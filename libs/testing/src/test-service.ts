import type { NestExpressApplication } from '@nestjs/platform-express';
import type { EventEnvelope } from '@mrm/contracts';
import { JetStreamClient } from '@mrm/messaging';
import type { ServiceConfig } from '@mrm/runtime';
import { Clock } from '@mrm/timers';
import request from 'supertest';
import { startTestService, type TestServiceInput } from './service-harness';
import { TestDatabase } from './test-database';
import type { ManualClock } from './manual-clock';
import { StreamInspector } from './stream-inspector';
import { deleteNamespaceStreams, newNamespace } from './test-namespace';
import { waitFor } from './wait-for';

export interface TestServiceOptions<C extends ServiceConfig> extends Omit<
  TestServiceInput<C>,
  'databaseUrl' | 'namespace'
> {
  /** Replaces the service's `Clock`: deadlines are reached by moving it. */
  readonly clock?: ManualClock;
  /** Another replica of the same service: its database and NATS namespace, not new ones. */
  readonly shareWith?: TestService;
  /** Another service on the same bus: its NATS namespace, a database of this service's own. */
  readonly busOf?: TestService;
}

/**
 * A service booted for one test file with its own database and NATS namespace; `stop()` cleans
 * up. A replica (`shareWith`) or a second service on the same bus (`busOf`) stops without dropping
 * what the first one owns: stop the first one last.
 */
export class TestService {
  private constructor(
    readonly app: NestExpressApplication,
    private readonly database: TestDatabase,
    readonly namespace: string,
    private readonly owns: { readonly database: boolean; readonly namespace: boolean },
  ) {}

  static async start<C extends ServiceConfig>(input: TestServiceOptions<C>): Promise<TestService> {
    const database = input.shareWith?.database ?? (await TestDatabase.create(input.service));
    const namespace = (input.shareWith ?? input.busOf)?.namespace ?? newNamespace();
    const overrides = [
      ...(input.overrides ?? []),
      ...(input.clock ? [{ provide: Clock, useValue: input.clock }] : []),
    ];
    const { app } = await startTestService({
      ...input,
      overrides,
      databaseUrl: database.url,
      namespace,
    });
    return new TestService(app, database, namespace, {
      database: !input.shareWith,
      namespace: !input.shareWith && !input.busOf,
    });
  }

  /** The database URL, for a raw connection of a test (another process's, say). */
  get databaseUrl(): string {
    return this.database.url;
  }

  /** What the streams of this service's bus hold. */
  get streams(): StreamInspector {
    return new StreamInspector(this.namespace);
  }

  get http() {
    return request(this.app.getHttpServer());
  }

  /** Publishes on the bus, retrying until the stream exists (consumers declare it at start-up). */
  async publish(envelope: EventEnvelope): Promise<void> {
    const client = this.app.get(JetStreamClient);
    await waitFor(() => client.publishEnvelope(envelope).then(Boolean, () => false), {
      what: `the stream for ${envelope.type}`,
    });
  }

  async stop(): Promise<void> {
    await this.app.close();
    if (this.owns.namespace) await deleteNamespaceStreams(this.namespace);
    if (this.owns.database) await this.database.drop();
  }
}
