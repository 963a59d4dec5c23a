import { BusNamespace, DeadLetterStore } from '@mrm/messaging';
import {
  aRegisteredEvent,
  StreamInspector,
  TcpProxy,
  TestDatabase,
  TestService,
  testDatabaseServerUrl,
  testNatsUrl,
  waitFor,
} from '@mrm/testing';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { Client } from 'pg';
import { TrainingConfig } from '../../apps/training/src/training.config';
import { TrainingModule } from '../../apps/training/src/training.module';
import { TRAINING_OPENAPI } from '../../apps/training/src/training.openapi';

const EVENTS = 2000;
const OUTAGE_MS = 40_000;

// A database failover seen from a consumer: its connections drop and none can be opened for 40 s
// during a burst. Consumers pause instead of spending the delivery budget, resume by themselves,
// and the read model ends equal to its source with nothing dead-lettered.
describe('a 40 s database outage during a burst (e2e)', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let sut: TestService;

  const rosterSize = async (): Promise<number> => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query('SELECT count(*)::int AS n FROM roster_beneficiary')).rows[0].n;
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    database = await TestDatabase.create('outage');
    const server = new URL(testDatabaseServerUrl());
    proxy = await TcpProxy.start({ host: server.hostname, port: Number(server.port || 5432) });
    sut = await TestService.start({
      service: 'training',
      configClass: TrainingConfig,
      rootModule: (config) => TrainingModule.forRoot(config),
      openApi: TRAINING_OPENAPI,
      env: { DATABASE_URL: proxy.urlThrough(database.url), CONSUMER_MAX_DELIVER: '3' },
    });
  });

  afterAll(async () => {
    await sut?.stop();
    await proxy?.stop();
    await database?.drop();
  });

  it('applies every event once the database is back, and dead-letters none', async () => {
    const events = Array.from({ length: EVENTS }, () => aRegisteredEvent());
    await sut.publish(events[0]);
    for (const event of events.slice(1)) await sut.publish(event);
    await waitFor(async () => (await rosterSize()) > 0, { what: 'the first events applied' });

    proxy.cutOff();
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
    proxy.restore();

    await waitFor(async () => (await rosterSize()) === EVENTS, {
      what: 'every event applied after the outage',
      timeoutMs: 120_000,
      intervalMs: 500,
    });
    const nc = await connect({ servers: testNatsUrl() });
    try {
      const letters = await new DeadLetterStore(
        await jetstreamManager(nc),
        jetstream(nc),
        new BusNamespace(sut.namespace),
      ).list();
      expect(letters).toEqual([]);
    } finally {
      await nc.close();
    }
    expect(await new StreamInspector(sut.namespace).messages('REGISTRATION')).toHaveLength(EVENTS);
  }, 300_000);
});
