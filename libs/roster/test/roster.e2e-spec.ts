import type { Role } from '@mrm/auth';
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
import { ServiceConfig } from '@mrm/runtime';
import {
  bearer,
  deleteNamespaceStreams,
  newNamespace,
  startTestService,
  TestDatabase,
  waitFor,
} from '@mrm/testing';
import { headers } from '@nats-io/transport-node';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { RosterService } from '@mrm/roster';
import { RosterTestModule } from './roster-test.module';

// Read roles that no real service uses, so a pass proves they come from the options.
const SERVICE = 'training';
const READ_ROLES: [Role, Role] = ['analyst', 'auditor'];

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
    languages: ['ar', 'fr'],
    version: 1,
    ...overrides,
  };
}

function envelope<T>(definition: EventDefinition<T>, subject: string, data: T): EventEnvelope<T> {
  return definition.build(data, { subject, correlationId: uuidv7() });
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

describe('beneficiary roster (e2e)', () => {
  const namespace = newNamespace();
  let database: TestDatabase;
  let app: NestExpressApplication;
  let client: JetStreamClient;
  let connection: JetStreamConnection;

  const getRoster = (beneficiaryId: string, role: Role = READ_ROLES[0], org = 'IOM') =>
    request(app.getHttpServer())
      .get(`/api/v1/roster/${beneficiaryId}`)
      .set('Authorization', bearer(org, [role]));

  // A placeholder has no owner yet: only a national role (admin, coordinator) sees it.
  const rosterEntry = async (
    beneficiaryId: string,
    predicate: (body: Record<string, unknown>) => boolean = () => true,
    role: Role = READ_ROLES[0],
  ): Promise<Record<string, unknown>> => {
    let entry: Record<string, unknown> | undefined;
    await waitFor(
      async () => {
        const response = await getRoster(beneficiaryId, role);
        entry = response.status === 200 && predicate(response.body) ? response.body : undefined;
        return entry !== undefined;
      },
      { what: `roster entry ${beneficiaryId}` },
    );
    return entry!;
  };

  // The inbox row is written in the handler's transaction: once it is there, the event is applied.
  const applied = (eventId: string) =>
    waitFor(
      async () =>
        (
          await app
            .get(DataSource)
            .query('SELECT 1 FROM inbox_message WHERE consumer = $1 AND message_id = $2', [
              SERVICE,
              eventId,
            ])
        ).length === 1,
      { what: `event ${eventId} to be applied` },
    );

  const caughtUp = () =>
    waitFor(
      async () => {
        const registration = connection.namespace.stream('REGISTRATION');
        const info = await connection.jsm.consumers.info(registration, SERVICE);
        return info.num_pending === 0 && info.num_ack_pending === 0;
      },
      { what: 'the consumer to catch up' },
    );

  beforeAll(async () => {
    database = await TestDatabase.create('roster');
    ({ app } = await startTestService({
      service: SERVICE,
      configClass: ServiceConfig,
      rootModule: (config) =>
        RosterTestModule.forRoot(config, { service: SERVICE, readRoles: READ_ROLES }),
      openApi: { title: 'roster', description: 'roster', version: '1' },
      databaseUrl: database.url,
      namespace,
      env: { CONSUMER_BACKOFF_BASE_MS: '50' },
    }));
    client = app.get(JetStreamClient);
    connection = app.get(JetStreamConnection);
    await connection.ready();
    // The consumer declares the registration stream when it starts; publishing needs it.
    const registration = connection.namespace.stream('REGISTRATION');
    await waitFor(
      () => connection.jsm.consumers.info(registration, SERVICE).then(Boolean, () => false),
      { what: 'the registration consumer' },
    );
  });

  afterAll(async () => {
    await app?.close();
    await deleteNamespaceStreams(namespace);
    await database?.drop();
  });

  it('adds a registered beneficiary to the roster without its case reference', async () => {
    const beneficiaryId = uuidv7();
    await client.publishEnvelope(registered(beneficiaryId));

    const entry = await rosterEntry(beneficiaryId);

    expect(entry).toEqual({
      beneficiaryId,
      ownerOrg: 'IOM',
      category: 'returning-moroccan',
      sex: 'female',
      birthYear: 1991,
      nationality: 'MA',
      regionCode: '05',
      programmeCode: 'FORAS',
      languages: ['ar', 'fr'],
      version: 1,
      mergedInto: null,
      erasedAt: null,
      updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
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
      { msgID: `${event.id}:again`, headers: redelivery },
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
    const placeholder = await rosterEntry(duplicateId, () => true, 'admin');
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
    await rosterEntry(beneficiaryId, (body) => body.erasedAt === erasedAt, 'admin');

    const late = updated(beneficiaryId, { version: 2, regionCode: '07' });
    await client.publishEnvelope(late);
    await applied(late.id);

    const { body } = await getRoster(beneficiaryId).expect(200);
    expect(body).toMatchObject({ erasedAt, version: 2, regionCode: '07' });
  });

  it('returns 404 problem+json naming the service for an unknown beneficiary', async () => {
    const response = await getRoster(uuidv7()).expect(404);

    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({
      type: `https://errors.mrm.gov.ma/${SERVICE}/roster-beneficiary-not-found`,
      title: `Beneficiary not in the ${SERVICE} roster`,
      status: 404,
      code: 'ROSTER_BENEFICIARY_NOT_FOUND',
    });
  });

  it('lets every configured read role and admin through', async () => {
    for (const role of [...READ_ROLES, 'admin'] as const) {
      await getRoster(uuidv7(), role).expect(404);
    }
  });

  it('returns 403 to a role outside the configured read roles', async () => {
    const response = await getRoster(uuidv7(), 'trainer').expect(403);

    expect(response.body).toMatchObject({
      code: 'AUTH_FORBIDDEN',
      detail: 'Requires one of the roles: analyst, auditor',
    });
  });

  it('documents the route in the OpenAPI document', async () => {
    const { body } = await request(app.getHttpServer()).get('/api/openapi.json').expect(200);

    expect(body.paths['/api/v1/roster/{beneficiaryId}'].get).toMatchObject({ tags: ['roster'] });
  });
  it('answers 404 to another institution, as for an unknown id, and 200 to a national role', async () => {
    const beneficiaryId = uuidv7();
    await client.publishEnvelope(registered(beneficiaryId));
    await rosterEntry(beneficiaryId);

    const other = await getRoster(beneficiaryId, READ_ROLES[0], 'ANAPEC').expect(404);
    const unknown = await getRoster(uuidv7(), READ_ROLES[0], 'ANAPEC').expect(404);

    expect(other.body.code).toBe(unknown.body.code);
    await getRoster(beneficiaryId, 'admin', 'MINISTRY').expect(200);
  });

  it('resolves a merged duplicate to its survivor and refuses an erased person', async () => {
    const roster = app.get(RosterService);
    const [survivorId, duplicateId, erasedId] = [uuidv7(), uuidv7(), uuidv7()];
    const merge = envelope(beneficiaryMergedV1, survivorId, {
      beneficiaryId: survivorId,
      mergedBeneficiaryId: duplicateId,
      mergedAt: new Date().toISOString(),
    });
    const erasure = envelope(beneficiaryErasedV1, erasedId, {
      beneficiaryId: erasedId,
      erasedAt: new Date().toISOString(),
    });
    for (const event of [registered(survivorId), registered(duplicateId), merge]) {
      await client.publishEnvelope(event);
    }
    await client.publishEnvelope(registered(erasedId));
    await client.publishEnvelope(erasure);
    await applied(merge.id);
    await applied(erasure.id);

    await expect(roster.resolveActive(undefined, duplicateId)).resolves.toMatchObject({
      beneficiaryId: survivorId,
    });
    await expect(roster.resolveActive(undefined, erasedId)).rejects.toMatchObject({
      code: 'ROSTER_BENEFICIARY_ERASED',
      status: 422,
    });
    await expect(roster.resolveActive(undefined, uuidv7())).rejects.toMatchObject({
      code: 'ROSTER_BENEFICIARY_NOT_FOUND',
    });
  });

  it("has a schema equal to the entity after the lib's migrations", async () => {
    const { upQueries } = await app.get(DataSource).driver.createSchemaBuilder().log();

    expect(upQueries.map(({ query }) => query)).toEqual([]);
  });
});
