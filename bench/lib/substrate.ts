import {
  deleteNamespaceStreams,
  newNamespace,
  TestDatabase,
  testDatabaseServerUrl,
  testNatsUrl,
} from '@mrm/testing';

/**
 * Fresh resources for one benchmark, released in reverse order by `release()`: databases are
 * dropped, the namespace's streams deleted, spawned services stopped.
 */
export class BenchResources {
  private readonly cleanups: Array<{ what: string; run: () => Promise<unknown> }> = [];

  readonly natsUrl = testNatsUrl();
  readonly databaseServerUrl = testDatabaseServerUrl();

  /** A new database (name contains "test", so `TestDatabase.drop` accepts to drop it). */
  async database(label: string): Promise<TestDatabase> {
    const database = await TestDatabase.create(`bench_${label}`);
    this.onRelease(`drop database ${database.name}`, () => database.drop());
    return database;
  }

  /** A new NATS namespace whose streams are deleted at release. */
  namespace(): string {
    const namespace = newNamespace();
    this.onRelease(`delete streams of namespace ${namespace}`, () =>
      deleteNamespaceStreams(namespace, this.natsUrl),
    );
    return namespace;
  }

  onRelease(what: string, run: () => Promise<unknown>): void {
    this.cleanups.push({ what, run });
  }

  async release(): Promise<void> {
    while (this.cleanups.length > 0) {
      const cleanup = this.cleanups.pop()!;
      try {
        await cleanup.run();
      } catch (error) {
        console.error(`  cleanup failed (${cleanup.what}): ${(error as Error).message}`);
      }
    }
  }
}
