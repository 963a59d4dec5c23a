import { beneficiaryErasedV1, beneficiaryRegisteredV1 } from '@mrm/contracts';
import { deleteNamespaceStreams, newNamespace, testNatsUrl } from '@mrm/testing';
import { AckPolicy, jetstream, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { BusNamespace } from '../src/bus-namespace';
import type { MessagingOptions } from '../src/messaging.options';
import { streamConfigFor } from '../src/streams';
import { ensureDurableConsumer } from '../src/transport/consumer-provisioning';

// Durable consumers are filtered to what the service handles, and a change of that set never
// starves a handler, whatever the server version (2.9 here refuses to change a filter).
describe('durable consumer provisioning', () => {
  const namespace = newNamespace();
  const bus = new BusNamespace(namespace);
  const stream = bus.stream('REGISTRATION');
  const registered = beneficiaryRegisteredV1.subject;
  const erased = beneficiaryErasedV1.subject;
  // A durable is named after its service; the extra names stand for more services.
  const options = (service: string) =>
    ({
      service,
      ackWaitMs: 30_000,
      streamReplicas: 1,
      streamMaxAgeDays: 1,
    }) as unknown as MessagingOptions;
  let nc: NatsConnection;
  let jsm: JetStreamManager;

  const filterOf = async (durable: string) =>
    (await jsm.consumers.info(stream, durable)).config.filter_subject;
  const addDurable = (durable: string, filter: string) =>
    jsm.consumers.add(stream, {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      filter_subject: filter,
    });

  beforeAll(async () => {
    nc = await connect({ servers: testNatsUrl() });
    jsm = await jetstreamManager(nc);
    await jsm.streams.add(
      streamConfigFor(bus, 'REGISTRATION', 'registration', { replicas: 1, maxAgeDays: 1 }),
    );
  });

  afterAll(async () => {
    await nc?.close();
    await deleteNamespaceStreams(namespace);
  });

  it('filters a new durable to the one subject it handles, so the server sends nothing else', async () => {
    await ensureDurableConsumer(jsm, bus, 'registration', [erased], options('training'));

    expect(await filterOf('training')).toBe(bus.subject(erased));
    const js = jetstream(nc);
    await js.publish(bus.subject(registered), '{}');
    expect((await jsm.consumers.info(stream, 'training')).num_pending).toBe(0);
    await js.publish(bus.subject(erased), '{}');
    expect((await jsm.consumers.info(stream, 'training')).num_pending).toBe(1);
  });

  it('reads the whole stream when it handles several of its subjects', async () => {
    await ensureDurableConsumer(
      jsm,
      bus,
      'registration',
      [registered, erased],
      options('referrals'),
    );

    expect(await filterOf('referrals')).toBe(bus.subject('registration.>'));
  });

  it('changes the filter of an existing durable in place, keeping its position', async () => {
    const js = jetstream(nc);
    await addDurable('reporting', bus.subject('registration.>'));
    await js.publish(bus.subject(erased), '{}');
    await js.publish(bus.subject(registered), '{}');

    await ensureDurableConsumer(jsm, bus, 'registration', [registered], options('reporting'));

    const info = await jsm.consumers.info(stream, 'reporting');
    expect(info.config.filter_subject).toBe(bus.subject(registered));
    expect(info.config.max_deliver).toBe(-1); // the mutable settings are applied too
    expect(info.num_pending).toBe(2); // the earlier registered event, and the first test's
  });

  // Fault injection: the real server, but its answer to a filter change replaced by a refusal, as
  // a server that cannot update a filter would answer.
  const refusingFilterChanges = (real: JetStreamManager): JetStreamManager => {
    const consumers = new Proxy(real.consumers, {
      get(target, property, receiver) {
        if (property !== 'update') return Reflect.get(target, property, receiver);
        return (name: string, durable: string, config: { filter_subject?: string }) =>
          config.filter_subject !== undefined
            ? Promise.reject(new Error('consumer filter subject can not be updated'))
            : target.update(name, durable, config);
      },
    });
    return new Proxy(real, {
      get: (target, property, receiver) =>
        property === 'consumers' ? consumers : Reflect.get(target, property, receiver),
    });
  };

  it('keeps a wider filter a server will not change, and says so', async () => {
    await addDurable('referrals-wide', bus.subject('registration.>'));
    const warnings: string[] = [];

    await ensureDurableConsumer(
      refusingFilterChanges(jsm),
      bus,
      'registration',
      [erased],
      options('referrals-wide'),
      (message) => warnings.push(message),
    );

    expect(await filterOf('referrals-wide')).toBe(bus.subject('registration.>'));
    expect(warnings).toEqual([expect.stringContaining('keeps its wider filter')]);
  });

  it('refuses to run on a filter that misses a handled subject a server will not add', async () => {
    await addDurable('training-narrow', bus.subject(erased));

    const outcome = ensureDurableConsumer(
      refusingFilterChanges(jsm),
      bus,
      'registration',
      [registered],
      options('training-narrow'),
    );

    await expect(outcome).rejects.toThrow(`misses ${registered}`);
    expect(await filterOf('training-narrow')).toBe(bus.subject(erased));
  });
});
