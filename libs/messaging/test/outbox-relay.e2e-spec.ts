import type { NestExpressApplication } from '@nestjs/platform-express';
import { beneficiaryRegisteredV1, uuidv7 } from '@mrm/contracts';
import { ServiceConfig, ServiceCoreModule } from '@mrm/runtime';
import { TestService, testNatsUrl, waitFor } from '@mrm/testing';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { Client } from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import {
  BusNamespace,
  EventContractViolation,
  JetStreamClient,
  JetStreamConnection,
  MESSAGING_OPTIONS,
  MessagingMetrics,
  NOTIFIED_IDS_MAX,
  OutboxRelay,
  OutboxWriter,
} from '@mrm/messaging';
import { MetricsRegistry } from '@mrm/observability';

// The producer side: nothing published for a rolled-back transaction, everything committed
// published exactly once, also across a relay crash between publishing and marking, and by
// replicas sharing one outbox. The service is the platform core alone, producing as registration.
describe('transactional outbox', () => {
  let sut: TestService;
  let stream: string;
  let app: NestExpressApplication;
  let nc: NatsConnection;
  let jsm: JetStreamManager;

  const data = (beneficiaryId: string) => ({
    beneficiaryId,
    reference: 'MA-2026-000009',
    ownerOrg: 'IOM',
    category: 'regularised-immigrant',
    sex: 'female',
    birthYear: 1979,
    nationality: 'CM',
    regionCode: '06',
    version: 1,
    registeredAt: new Date().toISOString(),
  });
  const messagesInStream = async () => (await jsm.streams.info(stream)).state.messages;
  const outboxRow = async (id: string) =>
    (
      await app.get(DataSource).query('SELECT published_at FROM outbox_message WHERE id = $1', [id])
    )[0];

  beforeAll(async () => {
    sut = await TestService.start({
      service: 'registration',
      configClass: ServiceConfig,
      rootModule: (config) =>
        ServiceCoreModule.forService({
          service: 'registration',
          config,
          entities: [],
          migrations: [],
        }),
      openApi: { title: 'outbox', description: 'outbox', version: '1' },
    });
    app = sut.app;
    stream = new BusNamespace(sut.namespace).stream('REGISTRATION');
    nc = await connect({ servers: testNatsUrl() });
    jsm = await jetstreamManager(nc);
    await waitFor(async () => !!(await jsm.streams.info(stream).catch(() => null)), {
      what: 'the stream',
    });
  });

  afterAll(async () => {
    await nc?.close();
    await sut?.stop();
  });

  it('publishes nothing when the business transaction fails', async () => {
    const before = await messagesInStream();
    const id = uuidv7();

    await expect(
      app.get(DataSource).transaction(async (em) => {
        await app
          .get(OutboxWriter)
          .append(em, beneficiaryRegisteredV1, data(id), { subject: id, id });
        throw new Error('business rule broken after the append');
      }),
    ).rejects.toThrow('business rule broken');
    await app.get(OutboxRelay).flushOnce();

    expect(await outboxRow(id)).toBeUndefined();
    expect(await messagesInStream()).toBe(before);
  });

  it('refuses to write an event its consumers would refuse, and the transaction with it', async () => {
    const id = uuidv7();

    await expect(
      app
        .get(DataSource)
        .transaction((em) =>
          app
            .get(OutboxWriter)
            .append(
              em,
              beneficiaryRegisteredV1,
              { ...data(id), birthYear: 0 },
              { subject: id, id },
            ),
        ),
    ).rejects.toThrow(EventContractViolation);

    expect(await outboxRow(id)).toBeUndefined();
  });

  it('publishes a committed event exactly once', async () => {
    const before = await messagesInStream();
    const id = uuidv7();

    await app
      .get(DataSource)
      .transaction((em) =>
        app.get(OutboxWriter).append(em, beneficiaryRegisteredV1, data(id), { subject: id, id }),
      );

    await waitFor(async () => (await outboxRow(id))?.published_at !== null, {
      what: 'the relay to mark the row',
    });
    expect(await messagesInStream()).toBe(before + 1);
  });

  it('publishes a statement of more rows than one notification can name', async () => {
    // Beyond NOTIFIED_IDS_MAX the notification names no row and the relay scans instead.
    const before = await messagesInStream();
    const ids = Array.from({ length: NOTIFIED_IDS_MAX + 50 }, () => uuidv7());
    const writer = app.get(OutboxWriter);

    await app.get(DataSource).transaction(async (em) => {
      const envelopes = ids.map((id) =>
        beneficiaryRegisteredV1.build(data(id), { subject: id, id, correlationId: id }),
      );
      await writer.appendEnvelopes(em, envelopes);
    });

    await waitFor(async () => (await messagesInStream()) === before + ids.length, {
      what: 'every row of the statement to be published',
    });
  });

  it('publishes once when the relay died between publishing and marking the row', async () => {
    const relay = app.get(OutboxRelay);
    await relay.stop();
    const id = uuidv7();
    const envelope = await app
      .get(DataSource)
      .transaction((em) =>
        app.get(OutboxWriter).append(em, beneficiaryRegisteredV1, data(id), { subject: id, id }),
      );
    const before = await messagesInStream();
    // What the dying relay managed: the message reached the stream, the row was never marked.
    await app.get(JetStreamClient).publishEnvelope(envelope);

    relay.start();
    await waitFor(async () => (await outboxRow(id))?.published_at !== null, {
      what: 'the restarted relay',
    });

    expect(await messagesInStream()).toBe(before + 1);
  });

  it('keeps publishing while every connection of the request pool is busy', async () => {
    // The relay runs on a connection of its own: a saturated pool must not hold events back.
    const poolSize = 10; // DATABASE_POOL_SIZE's default, which the test app runs with
    let poolFreed = false;
    const sleepers = Promise.all(
      Array.from({ length: poolSize }, () =>
        app
          .get(DataSource)
          .query('SELECT pg_sleep(4)')
          .finally(() => (poolFreed = true)),
      ),
    );
    const raw = new Client({ connectionString: sut.databaseUrl });
    await raw.connect();
    try {
      const id = uuidv7();
      // Committed by another process (a second replica, say): its own connection, not the pool.
      const overRaw = {
        query: async (sql: string, params: unknown[]) => (await raw.query(sql, params)).rows,
        queryRunner: { isTransactionActive: true },
      } as unknown as EntityManager;
      await raw.query('BEGIN');
      await app
        .get(OutboxWriter)
        .append(overRaw, beneficiaryRegisteredV1, data(id), { subject: id, id });
      await raw.query('COMMIT');

      await waitFor(
        async () =>
          (
            await raw.query(
              'SELECT published_at IS NOT NULL AS done FROM outbox_message WHERE id = $1',
              [id],
            )
          ).rows[0]?.done === true,
        { what: 'the relay to publish with the pool saturated' },
      );
      expect(poolFreed).toBe(false);
    } finally {
      await raw.end();
      await sleepers;
    }
  });

  it('shares a backlog and new rows between two relays without publishing any row twice', async () => {
    const relay = app.get(OutboxRelay);
    await relay.stop();
    const ids = Array.from({ length: 600 }, () => uuidv7());
    await app.get(DataSource).transaction(async (em) => {
      for (const id of ids) {
        await app
          .get(OutboxWriter)
          .append(em, beneficiaryRegisteredV1, data(id), { subject: id, id });
      }
    });
    const client = app.get(JetStreamClient);
    const publishedIds: string[] = [];
    const publish = client.publishEnvelope.bind(client);
    const spy = jest.spyOn(client, 'publishEnvelope').mockImplementation((envelope, timeout) => {
      publishedIds.push(envelope.id);
      return publish(envelope, timeout);
    });
    // A second replica: the same database and stream, a relay of its own.
    const replica = new OutboxRelay(
      app.get(DataSource),
      app.get(JetStreamConnection),
      client,
      app.get(MessagingMetrics),
      new MetricsRegistry(),
      app.get(MESSAGING_OPTIONS),
    );
    const unpublished = async (wanted: string[]) =>
      (
        await app
          .get(DataSource)
          .query(
            'SELECT count(*)::int AS n FROM outbox_message WHERE id = ANY($1) AND published_at IS NULL',
            [wanted],
          )
      )[0].n;
    try {
      replica.start();
      relay.start();
      // While both drain the backlog (scan), more rows commit one by one: both are notified of
      // each, and both try to claim it by its id.
      for (let index = 0; index < 200; index += 1) {
        const id = uuidv7();
        ids.push(id);
        await app
          .get(DataSource)
          .transaction((em) =>
            app
              .get(OutboxWriter)
              .append(em, beneficiaryRegisteredV1, data(id), { subject: id, id }),
          );
      }
      await waitFor(async () => (await unpublished(ids)) === 0, {
        what: 'both relays to drain the backlog',
      });
    } finally {
      await replica.stop();
      spy.mockRestore();
    }

    const ours = publishedIds.filter((id) => ids.includes(id));
    expect(ours).toHaveLength(ids.length);
    expect(new Set(ours).size).toBe(ids.length);
  });
});
