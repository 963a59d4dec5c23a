import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import {
  syntheticRegistration,
  testNatsUrl,
  newNamespace,
  deleteNamespaceStreams,
  startTestService,
  TestDatabase,
  bearer,
  waitFor,
} from '@mrm/testing';
import { beneficiaryRegisteredV1 } from '@mrm/contracts';
import { BusNamespace } from '@mrm/messaging';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { RegistrationConfig } from '../../apps/registration/src/registration.config';
import { RegistrationModule } from '../../apps/registration/src/registration.module';
import { REGISTRATION_OPENAPI } from '../../apps/registration/src/registration.openapi';
import { BeneficiaryFactsRebuild } from '../../apps/reporting/src/beneficiary-indicators/beneficiary-facts.rebuild';
import { ReportingConfig } from '../../apps/reporting/src/reporting.config';
import { ReportingModule } from '../../apps/reporting/src/reporting.module';
import { REPORTING_OPENAPI } from '../../apps/reporting/src/reporting.openapi';

// The first flow across two real services: registration API → outbox → JetStream → reporting.
describe('registration to reporting', () => {
  const namespace = newNamespace();
  let registrationDb: TestDatabase;
  let reportingDb: TestDatabase;
  let registration: NestExpressApplication;
  let reporting: NestExpressApplication;
  const caseWorker = bearer('IOM', ['case-worker']);
  const coordinator = bearer('MINISTRY', ['coordinator']);

  let people = 0;
  const person = (overrides: Record<string, string> = {}) =>
    syntheticRegistration((people += 1), {
      sex: 'female',
      regionCode: '05',
      programmeCode: 'FORAS',
      ...overrides,
    });

  const indicators = async (groupBy: string) =>
    (
      await request(reporting.getHttpServer())
        .get(`/api/v1/indicators/beneficiaries?groupBy=${groupBy}`)
        .set('authorization', coordinator)
        .expect(200)
    ).body;

  beforeAll(async () => {
    [registrationDb, reportingDb] = await Promise.all([
      TestDatabase.create('flow_reg'),
      TestDatabase.create('flow_rep'),
    ]);
    ({ app: registration } = await startTestService({
      service: 'registration',
      configClass: RegistrationConfig,
      rootModule: (config) => RegistrationModule.forRoot(config),
      openApi: REGISTRATION_OPENAPI,
      databaseUrl: registrationDb.url,
      namespace,
    }));
    ({ app: reporting } = await startTestService({
      service: 'reporting',
      configClass: ReportingConfig,
      rootModule: (config) => ReportingModule.forRoot(config),
      openApi: REPORTING_OPENAPI,
      databaseUrl: reportingDb.url,
      namespace,
    }));
  });

  afterAll(async () => {
    await registration?.close();
    await reporting?.close();
    await deleteNamespaceStreams(namespace);
    await Promise.all([registrationDb?.drop(), reportingDb?.drop()]);
  });

  it('counts registered beneficiaries by each dimension', async () => {
    const people = [
      person(),
      person({ regionCode: '06', sex: 'male' }),
      person({
        category: 'foreign-avrr',
        nationality: 'SN',
        programmeCode: 'MOTUSE',
        regionCode: '06',
      }),
    ];
    for (const body of people) {
      await request(registration.getHttpServer())
        .post('/api/v1/beneficiaries')
        .set('authorization', caseWorker)
        .send(body)
        .expect(201);
    }

    await waitFor(async () => (await indicators('region')).total === 3, {
      what: 'three facts in reporting',
    });

    expect(await indicators('region')).toEqual({
      groupBy: 'region',
      total: 3,
      groups: [
        { key: '06', count: 2 },
        { key: '05', count: 1 },
      ],
    });
    expect((await indicators('programme')).groups).toEqual([
      { key: 'FORAS', count: 2 },
      { key: 'MOTUSE', count: 1 },
    ]);
    expect((await indicators('sex')).groups).toEqual([
      { key: 'female', count: 2 },
      { key: 'male', count: 1 },
    ]);
    expect((await indicators('nationality')).groups).toEqual([
      { key: 'MA', count: 2 },
      { key: 'SN', count: 1 },
    ]);
    expect((await indicators('category')).groups).toEqual([
      { key: 'returning-moroccan', count: 2 },
      { key: 'foreign-avrr', count: 1 },
    ]);
  });

  it('rebuilds the projection from the stream to exactly the live one', async () => {
    const live = await reporting
      .get(DataSource)
      .query('SELECT * FROM beneficiary_fact ORDER BY beneficiary_id');

    const result = await reporting.get(BeneficiaryFactsRebuild).rebuild();

    const rebuilt = await reporting
      .get(DataSource)
      .query('SELECT * FROM beneficiary_fact ORDER BY beneficiary_id');
    expect(result.applied).toBe(live.length);
    expect(rebuilt).toEqual(live);
  });

  it('answers 400 problem+json for an unknown groupBy and 403 to a case worker', async () => {
    const bad = await request(reporting.getHttpServer())
      .get('/api/v1/indicators/beneficiaries?groupBy=name')
      .set('authorization', coordinator);
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.body.errors[0].field).toBe('groupBy');

    await request(reporting.getHttpServer())
      .get('/api/v1/indicators/beneficiaries?groupBy=sex')
      .set('authorization', caseWorker)
      .expect(403);
  });

  it('carries the request correlation id into the event and exposes backbone metrics', async () => {
    await request(registration.getHttpServer())
      .post('/api/v1/beneficiaries')
      .set('authorization', caseWorker)
      .set('x-correlation-id', 'case-file-2026-42')
      .send(person({ regionCode: '01' }))
      .expect(201)
      .expect('x-correlation-id', 'case-file-2026-42');
    await waitFor(async () => (await indicators('region')).total === 4, {
      what: 'the fourth fact',
    });

    const nc = await connect({ servers: testNatsUrl() });
    const jsm = await jetstreamManager(nc);
    const stream = new BusNamespace(namespace).stream('REGISTRATION');
    const last = await jsm.streams.getMessage(stream, {
      last_by_subj: new BusNamespace(namespace).subject(beneficiaryRegisteredV1.subject),
    });
    await nc.close();
    expect(last?.header.get('ce-correlationid')).toBe('case-file-2026-42');

    const produced = (await request(registration.getHttpServer()).get('/metrics').expect(200)).text;
    expect(produced).toMatch(
      /mrm_events_published_total\{type="beneficiary.registered.v1",service="registration"\} 4/,
    );
    expect(produced).toMatch(/mrm_outbox_backlog\{service="registration"\} 0/);
    expect(produced).toMatch(/mrm_outbox_oldest_age_seconds\{service="registration"\} 0/);
    const consumed = (await request(reporting.getHttpServer()).get('/metrics').expect(200)).text;
    expect(consumed).toMatch(
      /mrm_events_consumed_total\{consumer="reporting",type="beneficiary.registered.v1",outcome="ack",service="reporting"\} 4/,
    );
    expect(consumed).toMatch(
      /mrm_event_handler_duration_seconds_count\{[^}]*consumer="reporting"[^}]*type="beneficiary.registered.v1"[^}]*\} 4/,
    );
    expect(consumed).toMatch(
      /mrm_consumer_pending_messages\{stream="[A-Z0-9]+_REGISTRATION",consumer="reporting",service="reporting"\} 0/,
    );
  });

  it('registers and counts the example of the README quick start, as written there', async () => {
    // The body of the README's `curl -X POST …/beneficiaries … -d '…'`: a user's first request.
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    const example = /beneficiaries[^\n]*\\\n[^\n]*\\\n\s*-d '(\{[^']*\})'/.exec(readme);
    expect(example).not.toBeNull();
    const before = (await indicators('region')).total;

    await request(registration.getHttpServer())
      .post('/api/v1/beneficiaries')
      .set('authorization', caseWorker)
      .set('content-type', 'application/json')
      .send(example![1])
      .expect(201);

    await waitFor(async () => (await indicators('region')).total === before + 1, {
      what: 'the README example counted',
    });
  });
});
