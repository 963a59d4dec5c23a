import { fromBinaryMessage, type EventEnvelope } from '@mrm/contracts';
import { BusNamespace, MESSAGING_OPTIONS, type MessagingOptions } from '@mrm/messaging';
import {
  aRegisteredEvent,
  bearer,
  TestService,
  testNatsUrl,
  waitFor,
  type ManualClock,
} from '@mrm/testing';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import { ReintegrationConfig } from '../../src/reintegration.config';
import { ReintegrationModule } from '../../src/reintegration.module';
import { REINTEGRATION_OPENAPI } from '../../src/reintegration.openapi';

export const officer = bearer('IOM', ['project-officer'], 'po-iom-1');
export const otherOfficer = bearer('COOPI', ['project-officer'], 'po-coopi-1');
export const coordinator = bearer('MINISTRY', ['coordinator'], 'coord-1');
export const analyst = bearer('MINISTRY', ['analyst'], 'analyst-1');

/** A reintegration service of its own (database and NATS namespace) for one test file. */
export function startReintegration(
  options: { env?: Record<string, string>; clock?: ManualClock; shareWith?: TestService } = {},
): Promise<TestService> {
  return TestService.start({
    service: 'reintegration',
    configClass: ReintegrationConfig,
    rootModule: (config) => ReintegrationModule.forRoot(config),
    openApi: REINTEGRATION_OPENAPI,
    ...options,
  });
}

/** Registers `count` people on the bus and waits until the roster holds them all. */
export async function rosterPeople(sut: TestService, count: number): Promise<string[]> {
  const events = Array.from({ length: count }, () => aRegisteredEvent());
  for (const event of events) await sut.publish(event);
  const ids = events.map((event) => event.data.beneficiaryId);
  await waitFor(async () => (await rowCount(sut, 'roster_beneficiary', ids)) === count, {
    what: `${count} roster entries`,
  });
  return ids;
}

async function rowCount(sut: TestService, table: string, ids: string[]): Promise<number> {
  const [{ n }]: Array<{ n: number }> = await sut.app
    .get(DataSource)
    .query(`SELECT count(*)::int AS n FROM ${table} WHERE beneficiary_id = ANY($1)`, [ids]);
  return n;
}

/** SQL against the service's own database. */
export function sql<T = Record<string, unknown>>(
  sut: TestService,
  query: string,
  params: unknown[] = [],
): Promise<T[]> {
  return sut.app.get(DataSource).query(query, params);
}

/** The events of the REINTEGRATION stream of type `type` about `subject`, oldest first. */
export async function publishedEvents(
  sut: TestService,
  input: { type: string; subject?: string },
): Promise<EventEnvelope[]> {
  const options = sut.app.get<MessagingOptions>(MESSAGING_OPTIONS);
  const stream = new BusNamespace(options.namespace).stream('REINTEGRATION');
  const nc = await connect({ servers: testNatsUrl() });
  try {
    const jsm = await jetstreamManager(nc);
    const { state } = await jsm.streams.info(stream);
    const events: EventEnvelope[] = [];
    for (let seq = state.first_seq; seq <= state.last_seq && state.messages > 0; seq += 1) {
      const message = await jsm.streams.getMessage(stream, { seq }).catch(() => null);
      if (!message) continue;
      const envelope = fromBinaryMessage((name) => message.header.get(name), message.data);
      if (envelope.type !== input.type) continue;
      if (input.subject === undefined || envelope.subject === input.subject) events.push(envelope);
    }
    return events;
  } finally {
    await nc.close();
  }
}

/** Waits until `count` events of `type` about `subject` are on the stream, and returns them. */
export async function awaitEvents(
  sut: TestService,
  input: { type: string; subject?: string; count: number },
): Promise<EventEnvelope[]> {
  let events: EventEnvelope[] = [];
  await waitFor(
    async () => {
      events = await publishedEvents(sut, input);
      return events.length >= input.count;
    },
    { what: `${input.count} ${input.type} event(s)` },
  );
  return events;
}
