import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { BusNamespace, JetStreamClient } from '@mrm/messaging';
import {
  aRegisteredEvent,
  deleteNamespaceStreams,
  newNamespace,
  startTestService,
  TestDatabase,
  testNatsUrl,
  waitFor,
} from '@mrm/testing';
import { DataSource } from 'typeorm';
import { TrainingConfig } from '../../apps/training/src/training.config';
import { TrainingModule } from '../../apps/training/src/training.module';
import { TRAINING_OPENAPI } from '../../apps/training/src/training.openapi';

const run = promisify(execFile);

// The restore procedure of docs/operations/backup-and-restore.md, locally: pg_dump / pg_restore
// stand in for CloudNativePG's base backup + WAL recovery (both give a consistent snapshot of one
// moment, taken while the service runs). The restored database is behind the bus; the service's
// durable consumer is deleted, so the service re-creates it from the start of the stream, and its
// inbox skips what the snapshot already holds: the read model converges to the source's.
describe('restore a service database taken during load', () => {
  const namespace = newNamespace();
  const events = Array.from({ length: 300 }, () => aRegisteredEvent());
  const dumpDir = mkdtempSync(join(tmpdir(), 'mrm-restore-'));
  let source: TestDatabase;
  let restored: TestDatabase;
  let app: NestExpressApplication | undefined;

  const start = async (databaseUrl: string) =>
    (
      await startTestService({
        service: 'training',
        configClass: TrainingConfig,
        rootModule: (config) => TrainingModule.forRoot(config),
        openApi: TRAINING_OPENAPI,
        databaseUrl,
        namespace,
      })
    ).app;
  const roster = (service: NestExpressApplication) =>
    service.get(DataSource).query<Array<Record<string, unknown>>>(
      `SELECT beneficiary_id, owner_org, category, sex, birth_year, nationality, region_code,
                programme_code, version FROM roster_beneficiary ORDER BY beneficiary_id`,
    );
  const rosterCount = async (service: NestExpressApplication) =>
    Number(
      (
        await service
          .get(DataSource)
          .query<Array<{ n: number }>>('SELECT count(*)::int AS n FROM roster_beneficiary')
      )[0].n,
    );

  beforeAll(async () => {
    source = await TestDatabase.create('restore_src');
    restored = await TestDatabase.create('restore_dst');
  });

  afterAll(async () => {
    await app?.close();
    await deleteNamespaceStreams(namespace);
    await source?.drop();
    await restored?.drop();
    rmSync(dumpDir, { recursive: true, force: true });
  });

  it('rebuilds the read model from the streams to equal the source', async () => {
    app = await start(source.url);
    const client = app.get(JetStreamClient);
    const publish = async (from: number, to: number) => {
      for (const event of events.slice(from, to)) {
        await waitFor(() => client.publishEnvelope(event).then(Boolean, () => false), {
          what: 'the registration stream',
        });
      }
    };
    await publish(0, 40);
    const dump = join(dumpDir, 'training.dump');

    // The backup runs while events keep arriving and being projected.
    const [backup] = await Promise.all([
      run('pg_dump', ['--format=custom', '--file', dump, source.url]),
      publish(40, 300),
    ]);
    expect(backup.stderr).toBe('');
    await waitFor(async () => (await rosterCount(app!)) === events.length, {
      what: 'every event projected in the source',
    });
    const expected = await roster(app);
    await app.close();
    app = undefined;

    // The restore: the snapshot into a new database...
    await run('pg_restore', ['--no-owner', '--exit-on-error', '--dbname', restored.url, dump]);
    const nc = await connect({ servers: testNatsUrl() });
    try {
      // ...and the consumer's position, which belongs to the lost database, forgotten.
      const jsm = await jetstreamManager(nc);
      await jsm.consumers.delete(new BusNamespace(namespace).stream('REGISTRATION'), 'training');
    } finally {
      await nc.close();
    }

    app = await start(restored.url);
    const atStart = await rosterCount(app);
    // The snapshot was taken mid-load: some events are in it, not all.
    expect(atStart).toBeGreaterThan(0);
    expect(atStart).toBeLessThan(events.length);
    await waitFor(async () => (await rosterCount(app!)) === events.length, {
      what: 'the restored read model caught up from the stream',
    });
    expect(await roster(app)).toEqual(expected);
  });
});
