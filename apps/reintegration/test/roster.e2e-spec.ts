import { randomBytes } from 'node:crypto';
import { signDevToken } from '@mrm/auth';
import {
  beneficiaryErasedV1,
  beneficiaryMergedV1,
  beneficiaryRegisteredV1,
  beneficiaryUpdatedV1,
  NATS_MSG_ID_HEADER,
  toBinaryHeaders,
  uuidv7,
  type BeneficiaryDimensions,
  type EventDefinition,
  type EventEnvelope,
} from '@mrm/contracts';
import { JetStreamClient, JetStreamConnection } from '@mrm/messaging';
import { dropDatabase } from '@mrm/persistence';
import { createServiceApp, loadConfig } from '@mrm/runtime';
import { connect, headers } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ReintegrationConfig } from '../src/reintegration.config';
import { ReintegrationModule } from '../src/reintegration.module';
import { REINTEGRATION_OPENAPI } from '../src/reintegration.openapi';

const SERVICE = 'reintegration';
const suffix = randomBytes(5).toString('hex');
const DATABASE_URL = databaseUrl(`mrm_test_${SERVICE}_${suffix}`);
// TEST_* are set by jest's global setup when it starts containers; else the machine's own servers.
const NATS_URL = process.env.TEST_NATS_URL ?? process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const NATS_NAMESPACE = `t${suffix}`;
const STREAMS = ['REGISTRATION', 'REINTEGRATION', 'DLQ'].map(
  (name) => `${NATS_NAMESPACE.toUpperCase()}_${name}`,
);
const WAIT_MS = 20_000;

const token = signDevToken({ sub: 'officer-1', org: 'IOM', roles: ['project-officer'] });

// A database of this file's own on the tests' PostgreSQL server; its name contains "test".
function databaseUrl(name: string): string {
  const server = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  const url = new URL(server ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${name}`;
  return url.toString();
}

function dimensions(
  beneficiaryId: string,
  overrides: Partial<BeneficiaryDimensions> = {},
): BeneficiaryDimensions {
  return {
    beneficiaryId,
    ownerOrg: 'IOM',
    category: 'returning-moroccan',
    sex: 'female',
    birthYear: 1991,
    nationality: 'MA',
    regionCode: '05',
    programmeCode: 'FORAS',
    version: 1,
    ...overrides,
  };
}

const registered = (beneficiaryId: string) =>
  envelope(beneficiaryRegisteredV1, beneficiaryId, {
    ...dimensions(beneficiaryId),
    reference: 'MA-2026-000123',
    registeredAt: new Date().toISOString(),
  });

const updated = (beneficiaryId: string, overrides: Partial<BeneficiaryDimensions>) =>
  envelope(beneficiaryUpdatedV1, beneficiaryId, {
    ...dimensions(beneficiaryId, overrides),
    updatedAt: new Date().toISOString(),
  });

function envelope<T>(definition: EventDefinition<T>, subject: string, data: T): EventEnvelope<T> {
  return definition.build(data, { subject, correlationId: uuidv7() });
}

async function eventually<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('reintegration roster (e2e)', () => {
  let app: INestApplication;
  let client: JetStreamClient;
  let connection: JetStreamConnection;

  const getRoster = (beneficiaryId: string, bearer = token) =>
    request(app.getHttpServer())
      .get(`/api/v1/roster/${beneficiaryId}`)
      .set('Authorization', `Bearer ${bearer}`);

  const rosterEntry = (
    beneficiaryId: string,
    predicate: (body: Record<string, unknown>) => boolean = () => true,
  ) =>
    eventually(async () => {
      const response = await getRoster(beneficiaryId);
      return response.status === 200 && predicate(response.body)
        ? (response.body as Record<string, unknown>)
        : undefined;
    }, `roster entry ${beneficiaryId}`);

  // The inbox row is written in the handler's transaction: once it is there, the event is applied.
  const applied = (eventId: string) =>
    eventually(async () => {
      const rows: unknown[] = await app
        .get(DataSource)
        .query('SELECT 1 FROM inbox_message WHERE consumer = $1 AND message_id = $2', [
          SERVICE,
          eventId,
        ]);
      return rows.length === 1 ? true : undefined;
    }, `event ${eventId} to be applied`);

  const caughtUp = () =>
    eventually(async () => {
      const info = await connection.jsm.consumers.info(STREAMS[0], SERVICE);
      return info.num_pending === 0 && info.num_ack_pending === 0 ? true : undefined;
    }, 'the consumer to catch up');

  beforeAll(async () => {
    const config = loadConfig(ReintegrationConfig, SERVICE, {
      DATABASE_URL,
      NATS_URL,
      NATS_NAMESPACE,
      HTTP_PORT: '0',
      LOG_LEVEL: 'silent',
      CONSUMER_BACKOFF_BASE_MS: '50',
    });
    app = await createServiceApp(
      ReintegrationModule.forRoot(config),
      config,
      REINTEGRATION_OPENAPI,
    );
    await app.startAllMicroservices();
    await app.init();
    client = app.get(JetStreamClient);
    connection = app.get(JetStreamConnection);
    await connection.ready();
    // The consumer declares the registration stream when it starts; publishing needs it.
    await eventually(
      () => connection.jsm.consumers.info(STREAMS[0], SERVICE),
      'the registration consumer',
    );
  });

  afterAll(async () => {
    await app?.close();
    const nc = await connect({ servers: NATS_URL });
    try {
      const jsm = await jetstreamManager(nc);
      for (const stream of STREAMS) await jsm.streams.delete(stream).catch(() => undefined);
    } finally {
      await nc.close();
    }
    await dropDatabase(DATABASE_URL);
  });

  it('adds a registered beneficiary to the roster without its case reference', async () => {
    const beneficiaryId = uuidv7();
    await client.publishEnvelope(registered(beneficiaryId));

    const entry = await rosterEntry(beneficiaryId);

    expect(entry).toMatchObject({
      beneficiaryId,
      ownerOrg: 'IOM',
      category: 'returning-moroccan',
      sex: 'female',
      birthYear: 1991,
      nationality: 'MA',
      regionCode: '05',
      programmeCode: 'FORAS',
      version: 1,
      mergedInto: null,
      erasedAt: null,
    });
    expect(entry).not.toHaveProperty('reference');
  });

  it('keeps the dimensions of the highest version whatever the arrival order', async () => {
    const beneficiaryId = uuidv7();
    await client.publishEnvelope(registered(beneficiaryId));
    await client.publishEnvelope(updated(beneficiaryId, { version: 3, regionCode: '06' }));
    await rosterEntry(beneficiaryId, (body) => body.version === 3);

    const late = updated(beneficiaryId, { version: 2, regionCode: '07' });
    await client.publishEnvelope(late);
    await applied(late.id);

    const { body } = await getRoster(beneficiaryId).expect(200);
    expect(body).toMatchObject({ regionCode: '06', version: 3 });
  });

  it('applies an event once when it is delivered twice', async () => {
    const beneficiaryId = uuidv7();
    const event = registered(beneficiaryId);
    await client.publishEnvelope(event);
    await expect(client.publishEnvelope(event)).resolves.toMatchObject({ duplicate: true });
    await rosterEntry(beneficiaryId);

    // Past JetStream's duplicate window a relay would store it again under a new stream sequence.
    const redelivery = headers();
    for (const [name, value] of Object.entries(toBinaryHeaders(event))) {
      if (name !== NATS_MSG_ID_HEADER) redelivery.set(name, value);
    }
    const ack = await connection.js.publish(
      connection.namespace.subject(beneficiaryRegisteredV1.subject),
      JSON.stringify(event.data),
      {
        msgID: `${event.id}:again`,
        headers: redelivery,
      },
    );
    expect(ack.duplicate).toBe(false);
    await caughtUp();

    const inbox: unknown[] = await app
      .get(DataSource)
      .query('SELECT 1 FROM inbox_message WHERE message_id = $1', [event.id]);
    expect(inbox).toHaveLength(1);
    const metrics = await request(app.getHttpServer()).get('/metrics').expect(200);
    expect(metrics.text).toMatch(
      /mrm_events_consumed_total\{[^}]*type="beneficiary\.registered\.v1",outcome="duplicate"[^}]*\} 1\b/,
    );
  });

  it('keeps a duplicate merged when its registration arrives after the merge', async () => {
    const survivorId = uuidv7();
    const duplicateId = uuidv7();
    await client.publishEnvelope(
      envelope(beneficiaryMergedV1, survivorId, {
        beneficiaryId: survivorId,
        mergedBeneficiaryId: duplicateId,
        mergedAt: new Date().toISOString(),
      }),
    );
    const placeholder = await rosterEntry(duplicateId);
    expect(placeholder).toMatchObject({ mergedInto: survivorId, version: 0, regionCode: null });

    const late = registered(duplicateId);
    await client.publishEnvelope(late);
    await applied(late.id);

    const { body } = await getRoster(duplicateId).expect(200);
    expect(body).toMatchObject({ mergedInto: survivorId, version: 1, regionCode: '05' });
  });

  it('keeps a beneficiary erased when an earlier update arrives after the erasure', async () => {
    const beneficiaryId = uuidv7();
    const erasedAt = new Date().toISOString();
    await client.publishEnvelope(
      envelope(beneficiaryErasedV1, beneficiaryId, { beneficiaryId, erasedAt }),
    );
    await rosterEntry(beneficiaryId, (body) => body.erasedAt === erasedAt);

    const late = updated(beneficiaryId, { version: 2, regionCode: '07' });
    await client.publishEnvelope(late);
    await applied(late.id);

    const { body } = await getRoster(beneficiaryId).expect(200);
    expect(body).toMatchObject({ erasedAt, version: 2, regionCode: '07' });
  });

  it('returns 404 problem+json for a beneficiary not in the roster', async () => {
    const response = await getRoster(uuidv7()).expect(404);

    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 404, code: 'ROSTER_BENEFICIARY_NOT_FOUND' });
  });

  it('returns 403 to a role that does not work with the reintegration roster', async () => {
    const caseWorker = signDevToken({ sub: 'cw-1', org: 'IOM', roles: ['case-worker'] });

    await getRoster(uuidv7(), caseWorker).expect(403);
  });
});
