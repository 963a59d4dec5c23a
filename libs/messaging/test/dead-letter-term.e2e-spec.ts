import { ServiceConfig } from '@mrm/runtime';
import { aRegisteredEvent, TestService, testNatsUrl, waitFor } from '@mrm/testing';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { BusNamespace } from '../src/bus-namespace';
import { DeadLetterStore } from '../src/dead-letters/dead-letter.store';
import { ProbeBehaviour, ProbeConsumerModule } from './probe-consumer.module';

// A dead-lettered message is terminated for good. nats-server before 2.10.4 ignores a term with a
// reason and redelivers the message every ack_wait, forever: with a 1 s ack_wait that shows at once.
describe('dead letters are terminated (e2e)', () => {
  let sut: TestService;
  let nc: NatsConnection;

  beforeAll(async () => {
    sut = await TestService.start({
      service: 'training',
      configClass: ServiceConfig,
      rootModule: (config) => ProbeConsumerModule.forRoot(config),
      openApi: { title: 'probe', description: 'probe', version: '1' },
      env: { CONSUMER_ACK_WAIT_MS: '1000' },
    });
    nc = await connect({ servers: testNatsUrl() });
  });

  afterAll(async () => {
    await nc?.close();
    await sut?.stop();
  });

  it('never delivers a rejected message again after dead-lettering it', async () => {
    const event = aRegisteredEvent();
    const { beneficiaryId } = event.data;
    const behaviour = sut.app.get(ProbeBehaviour);
    behaviour.scripts.set(beneficiaryId, 'reject');
    const deadLetters = new DeadLetterStore(
      await jetstreamManager(nc),
      jetstream(nc),
      new BusNamespace(sut.namespace),
    );
    const lettersOf = async () =>
      (await deadLetters.list({ reason: 'rejected' })).filter((l) => l.eventId === event.id);

    await sut.publish(event);
    await waitFor(async () => (await lettersOf()).length > 0, { what: 'the dead letter' });
    await new Promise((resolve) => setTimeout(resolve, 3500));

    expect(behaviour.attempts.get(beneficiaryId)).toHaveLength(1);
    expect(await lettersOf()).toHaveLength(1);
  });
});
