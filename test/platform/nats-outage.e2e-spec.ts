import type { NestExpressApplication } from '@nestjs/platform-express';
import { JetStreamConnection } from '@mrm/messaging';
import {
  bearer,
  startTestService,
  TestDatabase,
  ThrowawayNats,
  newNamespace,
  waitFor,
  syntheticRegistration,
} from '@mrm/testing';
import request from 'supertest';
import { RegistrationConfig } from '../../apps/registration/src/registration.config';
import { RegistrationModule } from '../../apps/registration/src/registration.module';
import { REGISTRATION_OPENAPI } from '../../apps/registration/src/registration.openapi';
import { ReportingConfig } from '../../apps/reporting/src/reporting.config';
import { ReportingModule } from '../../apps/reporting/src/reporting.module';
import { REPORTING_OPENAPI } from '../../apps/reporting/src/reporting.openapi';

// NATS goes away: registrations are still accepted (they wait in the outbox), readiness says so,
// and every event arrives once NATS is back. Uses a nats-server of its own so stopping it
// disturbs no other test.
describe('NATS outage', () => {
  const namespace = newNamespace();
  let nats: ThrowawayNats;
  let registrationDb: TestDatabase;
  let reportingDb: TestDatabase;
  let registration: NestExpressApplication;
  let reporting: NestExpressApplication;
  const caseWorker = bearer('COOPI', ['case-worker']);
  const coordinator = bearer('MINISTRY', ['coordinator']);
  let people = 0;
  const body = () =>
    syntheticRegistration((people += 1), {
      category: 'foreign-avrr',
      nationality: 'GN',
      regionCode: '04',
    });

  const register = () =>
    request(registration.getHttpServer())
      .post('/api/v1/beneficiaries')
      .set('authorization', caseWorker)
      .send(body())
      .expect(201);
  const counted = async () =>
    (
      await request(reporting.getHttpServer())
        .get('/api/v1/indicators/beneficiaries?groupBy=sex')
        .set('authorization', coordinator)
    ).body.total;

  beforeAll(async () => {
    nats = await ThrowawayNats.start();
    [registrationDb, reportingDb] = await Promise.all([
      TestDatabase.create('outage_reg'),
      TestDatabase.create('outage_rep'),
    ]);
    const env = { NATS_URL: nats.url };
    ({ app: registration } = await startTestService({
      service: 'registration',
      configClass: RegistrationConfig,
      rootModule: (config) => RegistrationModule.forRoot(config),
      openApi: REGISTRATION_OPENAPI,
      databaseUrl: registrationDb.url,
      namespace,
      env,
    }));
    ({ app: reporting } = await startTestService({
      service: 'reporting',
      configClass: ReportingConfig,
      rootModule: (config) => ReportingModule.forRoot(config),
      openApi: REPORTING_OPENAPI,
      databaseUrl: reportingDb.url,
      namespace,
      env,
    }));
  });

  afterAll(async () => {
    await registration?.close();
    await reporting?.close();
    await nats?.stop();
    await Promise.all([registrationDb?.drop(), reportingDb?.drop()]);
  });

  it('accepts registrations while NATS is down and delivers them all when it is back', async () => {
    await register();
    await waitFor(async () => (await counted()) === 1, { what: 'the first event' });

    await nats.pause();
    await waitFor(() => !registration.get(JetStreamConnection).isConnected(), {
      what: 'the disconnect',
    });
    // Degraded, not unready: the API keeps taking registrations into the outbox.
    const ready = await request(registration.getHttpServer()).get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.info.nats).toEqual({ status: 'up', degraded: 'not connected' });
    expect(ready.body.info.database.status).toBe('up');
    for (let i = 0; i < 5; i += 1) await register();

    await nats.resume();

    await waitFor(async () => (await counted()) === 6, {
      what: 'all six events after recovery',
      timeoutMs: 30_000,
    });
    await request(registration.getHttpServer()).get('/health/ready').expect(200);
  });
});
