import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabaseExists } from '@mrm/persistence';
import { testDatabaseServerUrl } from './test-environment';

/** A database of its own for one test file; the name always contains "test" (a guard for drops). */
export class TestDatabase {
  readonly url: string;

  private constructor(readonly name: string) {
    const server = new URL(testDatabaseServerUrl());
    server.pathname = `/${name}`;
    this.url = server.toString();
  }

  static async create(label: string): Promise<TestDatabase> {
    const safe = label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .slice(0, 30);
    const database = new TestDatabase(`mrm_test_${safe}_${randomBytes(4).toString('hex')}`);
    await ensureDatabaseExists(database.url);
    return database;
  }

  async drop(): Promise<void> {
    if (!this.name.includes('test')) throw new Error(`refusing to drop ${this.name}`);
    await dropDatabase(this.url);
  }
}
