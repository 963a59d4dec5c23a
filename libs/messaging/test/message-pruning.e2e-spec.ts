import { uuidv7 } from '@mrm/contracts';
import { MessagePruner } from '@mrm/messaging';
import { MetricsRegistry } from '@mrm/observability';
import { ServiceConfig, ServiceCoreModule } from '@mrm/runtime';
import { ManualClock, TestService, waitFor } from '@mrm/testing';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

const DAY_MS = 24 * 60 * 60 * 1000;

// Published outbox rows and old inbox rows are deleted on a schedule, in batches, by one replica at
// a time; unpublished rows and recent ones stay. Time is a ManualClock: nothing sleeps for days.
describe('outbox and inbox pruning', () => {
  const clock = new ManualClock(new Date('2026-06-01T12:00:00Z'));
  let sut: TestService;
  let replica: TestService;

  const start = (shareWith?: TestService, interval = '0') =>
    TestService.start({
      service: 'registration',
      configClass: ServiceConfig,
      rootModule: (config) =>
        ServiceCoreModule.forService({
          service: 'registration',
          config,
          entities: [],
          migrations: [],
        }),
      openApi: { title: 'pruning', description: 'pruning', version: '1' },
      clock,
      shareWith,
      env: {
        OUTBOX_RETENTION_DAYS: '7',
        INBOX_RETENTION_DAYS: '30',
        MESSAGE_PRUNE_BATCH_SIZE: '3',
        MESSAGE_PRUNE_INTERVAL_MS: interval,
        // The relay must not publish the rows this test writes as unpublished.
        OUTBOX_POLL_INTERVAL_MS: '3600000',
      },
    });
  const db = () => sut.app.get(DataSource);
  const ago = (days: number) => new Date(clock.now().getTime() - days * DAY_MS);

  async function outboxRow(publishedDaysAgo: number | null): Promise<string> {
    const id = uuidv7();
    await db().query(
      `INSERT INTO outbox_message (id, type, subject, payload, occurred_at, published_at, available_at)
       VALUES ($1, 'probe.pruned.v1', 'registration.probe.pruned.v1', '{}', $2, $3, '2999-01-01')`,
      [id, ago(40), publishedDaysAgo === null ? null : ago(publishedDaysAgo)],
    );
    return id;
  }
  async function inboxRow(processedDaysAgo: number): Promise<string> {
    const id = uuidv7();
    await db().query(
      `INSERT INTO inbox_message (consumer, message_id, type, processed_at) VALUES ('probe', $1, 'probe.v1', $2)`,
      [id, ago(processedDaysAgo)],
    );
    return id;
  }
  const remaining = async (table: 'outbox_message' | 'inbox_message', ids: string[]) => {
    const column = table === 'outbox_message' ? 'id' : 'message_id';
    const rows = await db().query<Array<{ id: string }>>(
      `SELECT ${column} AS id FROM ${table} WHERE ${column} = ANY($1)`,
      [ids],
    );
    return rows.map((row) => row.id).sort();
  };
  const prunedMetric = async () =>
    (
      await sut.app
        .get(MetricsRegistry)
        .registry.getSingleMetricAsString('mrm_messages_pruned_total')
    )
      .split('\n')
      .filter((line) => line.startsWith('mrm_messages_pruned_total{'));

  beforeAll(async () => {
    sut = await start();
  });

  afterAll(async () => {
    await replica?.stop();
    await sut?.stop();
  });

  it('deletes published outbox rows past 7 days and inbox rows past 30, in batches, nothing else', async () => {
    const oldPublished = [
      await outboxRow(8),
      await outboxRow(9),
      await outboxRow(10),
      await outboxRow(30),
    ];
    const kept = [await outboxRow(6), await outboxRow(null)];
    const oldInbox = [
      await inboxRow(31),
      await inboxRow(45),
      await inboxRow(60),
      await inboxRow(90),
    ];
    const keptInbox = [await inboxRow(29)];

    const outcome = await sut.app.get(MessagePruner).pruneOnce();

    // Batches of 3: four old rows of each table take two statements each.
    expect(outcome).toEqual({ outbox: 4, inbox: 4 });
    expect(await remaining('outbox_message', [...oldPublished, ...kept])).toEqual([...kept].sort());
    expect(await remaining('inbox_message', [...oldInbox, ...keptInbox])).toEqual(keptInbox);
    expect(await prunedMetric()).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/table="outbox_message".* 4$/),
        expect.stringMatching(/table="inbox_message".* 4$/),
      ]),
    );

    // Two days later the six-day-old published row is past its week; the unpublished one stays.
    clock.advance(2 * DAY_MS);
    expect(await sut.app.get(MessagePruner).pruneOnce()).toEqual({ outbox: 1, inbox: 1 });
    expect(await remaining('outbox_message', kept)).toEqual([kept[1]]);
  });

  it('skips its turn while another replica prunes the same database', async () => {
    const old = await outboxRow(20);
    const other = new Client({ connectionString: sut.databaseUrl });
    await other.connect();
    try {
      await other.query('SELECT pg_advisory_lock($1)', [0x50524e45]);

      expect(await sut.app.get(MessagePruner).pruneOnce()).toBe('busy');
      expect(await remaining('outbox_message', [old])).toEqual([old]);
    } finally {
      await other.end();
    }
    expect(await sut.app.get(MessagePruner).pruneOnce()).toEqual({ outbox: 1, inbox: 0 });
  });

  it('prunes on its schedule, from every replica without collisions', async () => {
    replica = await start(sut, '100');
    const old = [await outboxRow(12), await inboxRow(100)];

    await waitFor(
      async () =>
        (await remaining('outbox_message', [old[0]])).length === 0 &&
        (await remaining('inbox_message', [old[1]])).length === 0,
      { what: 'the scheduled pruning', timeoutMs: 20_000 },
    );
  });
});
