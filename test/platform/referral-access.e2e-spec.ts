import type { NestExpressApplication } from '@nestjs/platform-express';
import {
  bearer,
  deleteNamespaceStreams,
  newNamespace,
  startTestService,
  syntheticRegistration,
  TestDatabase,
  waitFor,
} from '@mrm/testing';
import request from 'supertest';
import { RegistrationConfig } from '../../apps/registration/src/registration.config';
import { RegistrationModule } from '../../apps/registration/src/registration.module';
import { REGISTRATION_OPENAPI } from '../../apps/registration/src/registration.openapi';
import { ReferralsConfig } from '../../apps/referrals/src/referrals.config';
import { ReferralsModule } from '../../apps/referrals/src/referrals.module';
import { REFERRALS_OPENAPI } from '../../apps/referrals/src/referrals.openapi';

// Registration and referrals on one bus: consent from registration gates the referral, and the
// referral's events open and close the receiver's read access to the person in registration.
describe('registration and referrals: consent and read access of the receiver', () => {
  const namespace = newNamespace();
  let databases: TestDatabase[] = [];
  let registration: NestExpressApplication;
  let referrals: NestExpressApplication;
  const caseWorker = bearer('IOM', ['case-worker'], 'cw-iom');
  const referrer = bearer('IOM', ['referral-officer'], 'ro-iom');
  const coordinator = bearer('MINISTRY', ['coordinator'], 'coord');
  const partnerCode = `ANAPEC-${namespace.slice(-6).toUpperCase()}`;
  const receiver = bearer(partnerCode, ['referral-officer'], 'ro-anapec');
  const stranger = bearer('COOPI', ['referral-officer'], 'ro-coopi');
  const reg = () => request(registration.getHttpServer());
  const ref = () => request(referrals.getHttpServer());

  beforeAll(async () => {
    databases = await Promise.all([
      TestDatabase.create('access_reg'),
      TestDatabase.create('access_ref'),
    ]);
    ({ app: registration } = await startTestService({
      service: 'registration',
      configClass: RegistrationConfig,
      rootModule: (config) => RegistrationModule.forRoot(config),
      openApi: REGISTRATION_OPENAPI,
      databaseUrl: databases[0].url,
      namespace,
    }));
    ({ app: referrals } = await startTestService({
      service: 'referrals',
      configClass: ReferralsConfig,
      rootModule: (config) => ReferralsModule.forRoot(config),
      openApi: REFERRALS_OPENAPI,
      databaseUrl: databases[1].url,
      namespace,
    }));
  });

  afterAll(async () => {
    await registration?.close();
    await referrals?.close();
    await deleteNamespaceStreams(namespace);
    await Promise.all(databases.map((database) => database.drop()));
  });

  it('refuses without consent, sends with it, lets the receiver read the consented fields until the consent is withdrawn', async () => {
    const person = await reg()
      .post('/api/v1/beneficiaries')
      .set('authorization', caseWorker)
      .send(syntheticRegistration(1, { regionCode: '05' }))
      .expect(201);
    const beneficiaryId: string = person.body.id;
    const partner = await ref()
      .post('/api/v1/partners')
      .set('authorization', coordinator)
      .send({ code: partnerCode, names: { fr: 'ANAPEC' }, kind: 'agency' })
      .expect(201);
    const service = await ref()
      .post('/api/v1/services')
      .set('authorization', coordinator)
      .send({ partnerId: partner.body.id, type: 'employment', name: 'Emploi', regionCodes: ['05'] })
      .expect(201);
    const referral = {
      beneficiaryId,
      serviceId: service.body.id,
      reason: 'Job search after return',
      priority: 'urgent',
      dataCategories: ['identity', 'contact'],
    };
    await waitFor(
      async () =>
        (await ref().get(`/api/v1/roster/${beneficiaryId}`).set('authorization', referrer))
          .status === 200,
      { what: 'the person in the referrals roster' },
    );

    const refused = await ref()
      .post('/api/v1/referrals')
      .set('authorization', referrer)
      .send(referral);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('CONSENT_REQUIRED');

    const consent = await reg()
      .post(`/api/v1/beneficiaries/${beneficiaryId}/consents`)
      .set('authorization', caseWorker)
      .send({
        purposes: ['referral'],
        recipients: [partnerCode],
        dataCategories: ['identity', 'contact'],
        noticeVersion: '2025-03',
      })
      .expect(201);
    let referralId = '';
    await waitFor(
      async () => {
        const sent = await ref()
          .post('/api/v1/referrals')
          .set('authorization', referrer)
          .send(referral);
        referralId = sent.body.id as string;
        return sent.status === 201;
      },
      { what: 'the consent in the referrals read model' },
    );

    const readAsReceiver = () =>
      reg().get(`/api/v1/referred-beneficiaries/${beneficiaryId}`).set('authorization', receiver);
    await waitFor(async () => (await readAsReceiver()).status === 200, {
      what: 'the receiver’s read access',
    });
    const read = await readAsReceiver().expect(200);
    expect(read.body).toMatchObject({
      id: beneficiaryId,
      dataCategories: ['contact', 'identity'],
      referralIds: [referralId],
      names: person.body.names,
      phone: person.body.phone,
    });
    expect(read.body).not.toHaveProperty('documents');
    expect(read.body).not.toHaveProperty('address');
    expect(read.body).not.toHaveProperty('vulnerabilities');
    await reg()
      .get(`/api/v1/referred-beneficiaries/${beneficiaryId}`)
      .set('authorization', stranger)
      .expect(404);
    await reg()
      .get(`/api/v1/beneficiaries/${beneficiaryId}`)
      .set('authorization', bearer(partnerCode, ['case-worker']))
      .expect(404);
    const audit = await reg()
      .get('/api/v1/audit-entries')
      .query({ resourceId: beneficiaryId, action: 'read', actor: 'ro-anapec' })
      .set('authorization', bearer('MINISTRY', ['auditor']))
      .expect(200);
    expect(audit.body.items[0]).toMatchObject({
      details: { via: 'referral', referralIds: [referralId] },
    });

    await reg()
      .post(`/api/v1/beneficiaries/${beneficiaryId}/consents/${consent.body.id}/withdrawal`)
      .set('authorization', caseWorker)
      .send({ reason: 'The person withdrew' })
      .expect(200);

    await waitFor(async () => (await readAsReceiver()).status === 404, {
      what: 'the receiver’s access to be gone',
    });
    const suspended = await ref()
      .get(`/api/v1/referrals/${referralId}`)
      .set('authorization', referrer)
      .expect(200);
    expect(suspended.body).toMatchObject({ status: 'on-hold', holdReason: 'consent-withdrawn' });
  });
});
