import type { NestExpressApplication } from '@nestjs/platform-express';
import {
  beneficiaryRegisteredV1,
  toBinaryHeaders,
  uuidv7,
  type BeneficiaryRegisteredV1,
  type EventEnvelope,
} from '@mrm/contracts';
import { ServiceConfig } from '@mrm/runtime';
import {
  deleteNamespaceStreams,
  newNamespace,
  startTestService,
  TestDatabase,
  testNatsUrl,
  waitFor,
} from '@mrm/testing';
import {
  jetstream,
  jetstreamManager,
  type JetStreamClient,
  type JetStreamManager,
} from '@nats-io/jetstream';
import { connect, headers, type NatsConnection } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import { BusNamespace } from '../src/bus-namespace';
import { DeadLetterStore } from '../src/dead-letters/dead-letter.store';
import { ProbeBehaviour, ProbeConsumerModule } from './probe-consumer.module';

// The consumer side of the backbone against the real NATS and PostgreSQL: idempotency, retries
// with backoff, dead letters and their replay.
describe('JetStream consumer delivery guarantees', () => {
  const namespace = newNamespace();
  const bus = new BusNamespace(namespace);
  const subject = bus.subject(beneficiaryRegisteredV1.subject);
  let database: TestDatabase;
  let app: NestExpressApplication;
  let nc: NatsConnection;
  let js: JetStreamClient;
  let jsm: JetStreamManager;
  let deadLetters: DeadLetterStore;

  const registered = (beneficiaryId = uuidv7()): EventEnvelope<BeneficiaryRegisteredV1> =>
    beneficiaryRegisteredV1.build(
      {
        beneficiaryId,
        reference: 'MA-2026-000001',
        ownerOrg: 'IOM',
        category: 'returning-moroccan',
        sex: 'male',
        birthYear: 1988,
        nationality: 'MA',
        regionCode: '05',
        version: 1,
        registeredAt: new Date().toISOString(),
      },
      { subject: beneficiaryId, correlationId: uuidv7() },
    );

  const publish = async (envelope: EventEnvelope, msgID: string = envelope.id, body?: string) => {
    const h = headers();
    for (const [name, value] of Object.entries(toBinaryHeaders(envelope))) {
      if (name !== 'Nats-Msg-Id') h.set(name, value);
    }
    await js.publish(subject, body ?? JSON.stringify(envelope.data), { msgID, headers: h });
  };
  const effects = async (beneficiaryId: string): Promise<number> =>
    Number(
      (
        await app
          .get(DataSource)
          .query('SELECT count(*) FROM probe_effect WHERE beneficiary_id = $1', [beneficiaryId])
      )[0].count,
    );
  const behaviour = () => app.get(ProbeBehaviour);
  const consumerIdle = async () => {
    const info = await jsm.consumers.info(bus.stream('REGISTRATION'), 'training');
    return info.num_pending === 0 && info.num_ack_pending === 0;
  };

  beforeAll(async () => {
    database = await TestDatabase.create('delivery');
    ({ app } = await startTestService({
      service: 'training',
      configClass: ServiceConfig,
      rootModule: (config) => ProbeConsumerModule.forRoot(config),
      openApi: { title: 'probe', description: 'probe', version: '1' },
      databaseUrl: database.url,
      namespace,
      env: {
        CONSUMER_MAX_DELIVER: '3',
        CONSUMER_BACKOFF_BASE_MS: '200',
        CONSUMER_BACKOFF_MAX_MS: '2000',
      },
    }));
    nc = await connect({ servers: testNatsUrl() });
    js = jetstream(nc);
    jsm = await jetstreamManager(nc);
    deadLetters = new DeadLetterStore(jsm, js, bus);
    await waitFor(
      async () =>
        !!(await jsm.consumers.info(bus.stream('REGISTRATION'), 'training').catch(() => null)),
      {
        what: 'the durable consumer',
      },
    );
  });

  afterAll(async () => {
    await app?.close();
    await nc?.close();
    await deleteNamespaceStreams(namespace);
    await database?.drop();
  });

  it('applies an event delivered twice, outside the publish duplicate window, once', async () => {
    const event = registered();

    await publish(event, `first-${event.id}`);
    await publish(event, `second-${event.id}`);

    await waitFor(consumerIdle, { what: 'both deliveries handled' });
    expect(await effects(event.data.beneficiaryId)).toBe(1);
  });

  it('dead-letters malformed messages at once and carries on', async () => {
    const undecodable = registered();
    const invalid = registered();
    const valid = registered();

    await publish(undecodable, undecodable.id, '{not json');
    await js.publish(subject, JSON.stringify(valid.data), { msgID: uuidv7() }); // no CloudEvents headers
    await publish(invalid, invalid.id, JSON.stringify({ ...invalid.data, birthYear: 'nineteen' }));
    await publish(valid);

    await waitFor(async () => (await effects(valid.data.beneficiaryId)) === 1, {
      what: 'the valid event after the bad ones',
    });
    const letters = await deadLetters.list({ consumer: 'training' });
    expect(letters.map((letter) => [letter.reason, letter.deliveries])).toEqual([
      ['undecodable', 1],
      ['undecodable', 1],
      ['invalid-payload', 1],
    ]);
    expect(letters[2].error).toContain('birthYear');
    expect(letters[2].originSubject).toBe(beneficiaryRegisteredV1.subject);
  });

  it('retries a handler that fails twice with growing backoff, then applies it once', async () => {
    const event = registered();
    behaviour().scripts.set(event.data.beneficiaryId, { failTimes: 2 });

    await publish(event);

    await waitFor(async () => (await effects(event.data.beneficiaryId)) === 1, {
      what: 'the third attempt',
    });
    const [first, second, third] = behaviour().attempts.get(event.data.beneficiaryId)!;
    expect(second - first).toBeGreaterThanOrEqual(190);
    expect(third - second).toBeGreaterThanOrEqual(390);
    expect(behaviour().attempts.get(event.data.beneficiaryId)).toHaveLength(3);
  });

  it('dead-letters a handler that always fails after the configured deliveries, and replays it', async () => {
    const event = registered();
    behaviour().scripts.set(event.data.beneficiaryId, 'always-fail');

    await publish(event);

    await waitFor(
      async () =>
        (await deadLetters.list({ reason: 'deliveries-exhausted' })).some(
          (l) => l.eventId === event.id,
        ),
      {
        what: 'the dead letter',
      },
    );
    expect(behaviour().attempts.get(event.data.beneficiaryId)).toHaveLength(3);
    expect(await effects(event.data.beneficiaryId)).toBe(0);

    behaviour().scripts.delete(event.data.beneficiaryId);
    const [letter] = (await deadLetters.list()).filter((l) => l.eventId === event.id);
    await deadLetters.replay(letter.sequence);

    await waitFor(async () => (await effects(event.data.beneficiaryId)) === 1, {
      what: 'the replayed event',
    });
    expect((await deadLetters.list()).some((l) => l.eventId === event.id)).toBe(false);
  });

  it('dead-letters a business rejection without retrying', async () => {
    const event = registered();
    behaviour().scripts.set(event.data.beneficiaryId, 'reject');

    await publish(event);

    await waitFor(
      async () =>
        (await deadLetters.list({ reason: 'rejected' })).some((l) => l.eventId === event.id),
      { what: 'rejection' },
    );
    expect(behaviour().attempts.get(event.data.beneficiaryId)).toHaveLength(1);
  });
});
