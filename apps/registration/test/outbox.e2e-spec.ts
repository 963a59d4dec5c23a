import type { NestExpressApplication } from '@nestjs/platform-express';
import { beneficiaryRegisteredV1, uuidv7 } from '@mrm/contracts';
import { testNatsUrl, waitFor } from '@mrm/testing';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import { BusNamespace, JetStreamClient, OutboxRelay, OutboxWriter } from '@mrm/messaging';
import { RegistrationTestApp } from './support/registration-test-app';

// The producer side: nothing published for a rolled-back transaction, everything committed
// published exactly once, also across a relay crash between publishing and marking.
describe('transactional outbox', () => {
  let sut: RegistrationTestApp;
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
    sut = await RegistrationTestApp.start('outbox');
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
});
