import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Role } from '@mrm/auth';
import {
  bearer,
  deleteNamespaceStreams,
  newNamespace,
  startTestService,
  StreamInspector,
  TestDatabase,
} from '@mrm/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { RegistrationConfig } from '../../src/registration.config';
import { RegistrationModule } from '../../src/registration.module';
import { REGISTRATION_OPENAPI } from '../../src/registration.openapi';

/** A registration service of its own (database and NATS namespace) for one test file. */
export class RegistrationTestApp {
  private constructor(
    readonly app: NestExpressApplication,
    readonly database: TestDatabase,
    readonly namespace: string,
  ) {}

  static async start(label: string, env?: Record<string, string>): Promise<RegistrationTestApp> {
    const database = await TestDatabase.create(label);
    const namespace = newNamespace();
    const { app } = await startTestService({
      service: 'registration',
      configClass: RegistrationConfig,
      rootModule: (config) => RegistrationModule.forRoot(config),
      openApi: REGISTRATION_OPENAPI,
      databaseUrl: database.url,
      namespace,
      env,
    });
    return new RegistrationTestApp(app, database, namespace);
  }

  async stop(): Promise<void> {
    await this.app?.close();
    await deleteNamespaceStreams(this.namespace);
    await this.database?.drop();
  }

  get http() {
    return request(this.app.getHttpServer());
  }

  query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.app.get(DataSource).query(sql, params);
  }

  async count(table: string): Promise<number> {
    const [row] = await this.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    return row.n;
  }

  /** Row counts of every table the beneficiary feature writes: a refused request changes none. */
  async footprint(): Promise<Record<string, number>> {
    const tables = [
      'beneficiary',
      'beneficiary_search_key',
      'beneficiary_link',
      'outbox_message',
      'audit_entry',
      'idempotency_record',
    ];
    const counts = await Promise.all(tables.map((table) => this.count(table)));
    return Object.fromEntries(tables.map((table, index) => [table, counts[index]]));
  }

  /** Every message of this file's REGISTRATION stream, as `{ subject, data }`. */
  async streamMessages(): Promise<Array<{ subject: string; data: string }>> {
    return new StreamInspector(this.namespace).messages('REGISTRATION');
  }
}

export const auth = (org: string, roles: Role[], sub = `${org.toLowerCase()}-user`) =>
  bearer(org, roles, sub);
