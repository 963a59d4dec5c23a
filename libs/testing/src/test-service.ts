import type { NestExpressApplication } from '@nestjs/platform-express';
import type { EventEnvelope } from '@mrm/contracts';
import { JetStreamClient } from '@mrm/messaging';
import type { ServiceConfig } from '@mrm/runtime';
import request from 'supertest';
import { startTestService, type TestServiceInput } from './service-harness';
import { TestDatabase } from './test-database';
import { deleteNamespaceStreams, newNamespace } from './test-namespace';
import { waitFor } from './wait-for';

/** A service booted for one test file with its own database and NATS namespace; `stop()` cleans up. */
export class TestService {
  private constructor(
    readonly app: NestExpressApplication,
    private readonly database: TestDatabase,
    private readonly namespace: string,
  ) {}

  static async start<C extends ServiceConfig>(
    input: Omit<TestServiceInput<C>, 'databaseUrl' | 'namespace'>,
  ): Promise<TestService> {
    const database = await TestDatabase.create(input.service);
    const namespace = newNamespace();
    const { app } = await startTestService({ ...input, databaseUrl: database.url, namespace });
    return new TestService(app, database, namespace);
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
    await deleteNamespaceStreams(this.namespace);
    await this.database.drop();
  }
}
