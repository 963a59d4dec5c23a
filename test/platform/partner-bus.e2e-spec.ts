import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SERVICE_NAMES } from '@mrm/contracts';
import { BusNamespace, JetStreamConnection } from '@mrm/messaging';
import { inboxPrefixOf, OPERATOR_USER, PARTNERS_STREAM } from '@mrm/nats-authorization';
import { autoAnswer, PartnerClient, type Delivery } from '@mrm/partner-sdk';
import {
  bearer,
  newNamespace,
  startTestService,
  TestDatabase,
  ThrowawayNats,
  waitFor,
} from '@mrm/testing';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { compactDecrypt, exportJWK, generateKeyPair } from 'jose';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { publishNatsAuthorization } from '../../apps/referrals/src/partner-bus/nats-authorization.file';
import {
  clearTextIn,
  importPrivate,
  storedMessages,
  type PartnerKit,
} from './support/partner-bus.support';
import { PartnerProvisioning } from '../../apps/referrals/src/partner-bus/partner-provisioning.service';
import { ReferralsConfig } from '../../apps/referrals/src/referrals.config';
import { ReferralsModule } from '../../apps/referrals/src/referrals.module';
import { REFERRALS_OPENAPI } from '../../apps/referrals/src/referrals.openapi';
import { RegistrationConfig } from '../../apps/registration/src/registration.config';
import { RegistrationModule } from '../../apps/registration/src/registration.module';
import { REGISTRATION_OPENAPI } from '../../apps/registration/src/registration.openapi';

const REFERRER = bearer('IOM', ['referral-officer'], 'ro-iom');
const COORDINATOR = bearer('MINISTRY', ['coordinator'], 'coord-1');
const CASE_WORKER = bearer('IOM', ['case-worker'], 'cw-iom');

// Registration and referrals, each with its own NATS user, on a nats-server started with the
// authorization that `npm run partners` renders from the directory; two partner systems connect
// with the SDK. Referrals travel encrypted, answers come back over the bus alone.
describe('the partner bus, end to end under the generated NATS authorization', () => {
  const namespace = newNamespace();
  const names = new BusNamespace(namespace);
  const PARTNERS = names.stream(PARTNERS_STREAM);
  const passwords: Record<string, string> = Object.fromEntries(
    [...SERVICE_NAMES, OPERATOR_USER].map((user) => [user, randomBytes(12).toString('hex')]),
  );
  const dir = mkdtempSync(join(tmpdir(), 'mrm-partner-bus-'));
  const authorizationFile = join(dir, 'authorization.conf');
  const pidFile = join(dir, 'nats.pid');
  const databases: TestDatabase[] = [];
  const clients: Array<{ close: () => Promise<unknown> }> = [];
  let nats: ThrowawayNats;
  let registration: NestExpressApplication;
  let referrals: NestExpressApplication;
  let operator: JetStreamManager;
  let operatorConnection: NatsConnection;
  let anapec: PartnerKit;
  let entraide: PartnerKit;

  const http = (app: NestExpressApplication) => request(app.getHttpServer());
  const storedPartnerMessages = () => storedMessages(operator, PARTNERS);

  const provision = async (org: string): Promise<PartnerKit> => {
    const partner = await http(referrals)
      .post('/api/v1/partners')
      .set('Authorization', COORDINATOR)
      .send({ code: org, names: { fr: `Partenaire ${org}` }, kind: 'agency' })
      .expect(201);
    const service = await http(referrals)
      .post('/api/v1/services')
      .set('Authorization', COORDINATOR)
      .send({
        partnerId: partner.body.id,
        type: 'employment',
        name: 'Intermédiation',
        regionCodes: ['05'],
      })
      .expect(201);
    const { publicKey, privateKey } = await generateKeyPair('RSA-OAEP-256', {
      modulusLength: 2048,
      extractable: true,
    });
    const provisioned = await referrals.get(PartnerProvisioning).add({
      code: org,
      publicKey: JSON.stringify(await exportJWK(publicKey)),
    });
    // The partner can connect once the server reloaded the rendered file.
    expect(provisioned.authorization).toBe('written-and-reloaded');
    return {
      code: org.toLowerCase(),
      org,
      serviceId: service.body.id,
      seed: provisioned.seed!,
      privateJwk: await exportJWK(privateKey),
    };
  };

  const partnerClient = async (kit: PartnerKit): Promise<PartnerClient> => {
    let client: PartnerClient | undefined;
    await waitFor(
      async () => {
        client = await PartnerClient.connect({
          code: kit.code,
          servers: nats.url,
          seed: kit.seed,
          privateJwk: kit.privateJwk,
          namespace,
        }).catch(() => undefined);
        return client !== undefined;
      },
      { what: `${kit.code} connecting` },
    );
    clients.push(client!);
    return client!;
  };

  const aPerson = async (n: number) => {
    const person = {
      firstName: 'Khadija',
      lastName: `Partnerbus-${['Dara', 'Kala', 'Mara', 'Sala', 'Tala', 'Vala', 'Zala'][n % 7]}${'ba'.repeat(n + 1)}`,
      category: 'returning-moroccan',
      sex: 'female',
      birthDate: '1991-02-03',
      nationality: 'MA',
      regionCode: '05',
      phone: `+2126${String(31_000_000 + n * 7919 + Math.floor(Math.random() * 1000)).slice(0, 8)}`,
      documents: [
        {
          type: 'CIN',
          number: `PB${String(100_000 + n * 31 + Math.floor(Math.random() * 30))}`,
          issuingCountry: 'MA',
        },
      ],
    };
    const created = await http(registration)
      .post('/api/v1/beneficiaries')
      .set('authorization', CASE_WORKER)
      .send(person)
      .expect(201);
    return { id: created.body.id as string, person };
  };

  const consentTo = async (beneficiaryId: string, orgs: string[]) => {
    await http(registration)
      .post(`/api/v1/beneficiaries/${beneficiaryId}/consents`)
      .set('authorization', CASE_WORKER)
      .send({
        purposes: ['referral'],
        recipients: orgs,
        dataCategories: ['identity', 'contact', 'documents'],
        noticeVersion: '2025-03',
      })
      .expect(201);
    // Referrals checks consents against its read model: wait until it has this one.
    await waitFor(
      async () =>
        (
          await referrals
            .get(DataSource)
            .query('SELECT 1 FROM consent_grant WHERE beneficiary_id = $1', [beneficiaryId])
        ).length > 0,
      { what: 'the consent in referrals' },
    );
  };

  const refer = async (beneficiaryId: string, serviceId: string): Promise<string> => {
    let created: string | undefined;
    await waitFor(
      async () => {
        const response = await http(referrals)
          .post('/api/v1/referrals')
          .set('Authorization', REFERRER)
          .send({
            beneficiaryId,
            serviceId,
            reason: 'Looking for work',
            servicesRequested: ['job placement'],
            priority: 'normal',
            dataCategories: ['identity', 'contact', 'documents'],
          });
        if (response.status === 201) created = response.body.id as string;
        return created !== undefined;
      },
      { what: 'the referral created (roster and consent known)' },
    );
    return created!;
  };

  const statusOf = async (referralId: string): Promise<string> =>
    (await http(referrals).get(`/api/v1/referrals/${referralId}`).set('Authorization', REFERRER))
      .body.status;

  beforeAll(async () => {
    // nats.conf includes the file `npm run partners` re-renders; SIGHUP (pid file) reloads it.
    const configFile = join(dir, 'nats.conf');
    // JetStream enabled in the file: nats-server 2.9 loses it on a reload when given by `-js`.
    writeFileSync(
      configFile,
      [
        `pid_file: "${pidFile}"`,
        `jetstream { store_dir: "${join(dir, 'store')}" }`,
        'include ./authorization.conf',
        '',
      ].join('\n'),
    );
    const env = (service: string) => ({
      NATS_URL: '',
      NATS_USER: service,
      NATS_PASSWORD: passwords[service],
    });
    // The first rendering, before any partner: what the CLI writes on an empty directory.
    await publishNatsAuthorization({ file: authorizationFile, namespace, partners: [], passwords });
    nats = await ThrowawayNats.start({ configFile, jetStreamInConfig: true });
    const referralsDb = await TestDatabase.create('pbus_referrals');
    const registrationDb = await TestDatabase.create('pbus_registration');
    databases.push(referralsDb, registrationDb);
    referrals = (
      await startTestService({
        service: 'referrals',
        configClass: ReferralsConfig,
        rootModule: (config: ReferralsConfig) => ReferralsModule.forRoot(config),
        openApi: REFERRALS_OPENAPI,
        databaseUrl: referralsDb.url,
        namespace,
        env: {
          ...env('referrals'),
          NATS_URL: nats.url,
          NATS_AUTHORIZATION_FILE: authorizationFile,
          NATS_SERVER_PID_FILE: pidFile,
          PARTNER_RECEIPTS_INTERVAL_MS: '300',
        },
      })
    ).app;
    registration = (
      await startTestService({
        service: 'registration',
        configClass: RegistrationConfig,
        rootModule: (config: RegistrationConfig) => RegistrationModule.forRoot(config),
        openApi: REGISTRATION_OPENAPI,
        databaseUrl: registrationDb.url,
        namespace,
        env: { ...env('registration'), NATS_URL: nats.url },
      })
    ).app;
    await referrals.get(JetStreamConnection).ready();
    await registration.get(JetStreamConnection).ready();
    operatorConnection = await connect({
      servers: nats.url,
      user: OPERATOR_USER,
      pass: passwords[OPERATOR_USER],
      inboxPrefix: inboxPrefixOf(OPERATOR_USER),
    });
    operator = await jetstreamManager(operatorConnection);
    // Provisioning re-renders with the services' passwords of this test.
    const provisioning = referrals.get(PartnerProvisioning);
    const original = provisioning.publishAuthorization.bind(provisioning);
    provisioning.publishAuthorization = () => original(passwords);
    anapec = await provision(`PBA${randomBytes(2).toString('hex').toUpperCase()}`);
    entraide = await provision(`PBE${randomBytes(2).toString('hex').toUpperCase()}`);
  });

  afterAll(async () => {
    for (const client of clients) await client.close().catch(() => undefined);
    await operatorConnection?.close();
    await registration?.close();
    await referrals?.close();
    await nats?.stop();
    await Promise.all(databases.map((database) => database.drop()));
    rmSync(dir, { recursive: true, force: true });
  });

  let accepted: { referralId: string; person: Record<string, unknown>; jwe: string };

  it('runs the whole referral cycle with the example partner over the bus alone', async () => {
    const { id, person } = await aPerson(1);
    await consentTo(id, [anapec.org]);
    const referralId = await refer(id, anapec.serviceId);

    const desk = await partnerClient(anapec);
    const stop = new AbortController();
    const running = autoAnswer(desk, {
      signal: stop.signal,
      log: () => undefined,
    });
    await waitFor(async () => (await statusOf(referralId)) === 'accepted', {
      what: 'the partner acceptance visible in referrals',
    });
    stop.abort();
    await running;

    // What the partner's consumer got: the facts in clear, the person encrypted to its key only.
    const stored = await storedPartnerMessages();
    const requested = stored.find(
      (message) => message.subject === names.subject(`partners.${anapec.code}.referrals.requested`),
    );
    expect(requested).toBeDefined();
    const data = JSON.parse(requested!.body) as { referralId: string; personal: string };
    expect(data.referralId).toBe(referralId);
    const opened = JSON.parse(
      new TextDecoder().decode(
        (await compactDecrypt(data.personal, await importPrivate(anapec.privateJwk))).plaintext,
      ),
    ) as Record<string, unknown>;
    expect(opened).toMatchObject({
      id,
      names: expect.objectContaining({ firstName: person.firstName, lastName: person.lastName }),
      phone: person.phone,
    });
    expect(opened.documents).toEqual([
      expect.objectContaining({ number: person.documents[0].number }),
    ]);
    accepted = { referralId, person, jwe: data.personal };

    // Receipts per hop: published, delivered, acknowledged by the answer.
    await waitFor(
      async () => {
        const deliveries = await http(referrals)
          .get(`/api/v1/referrals/${referralId}/deliveries`)
          .set('Authorization', REFERRER)
          .expect(200);
        return deliveries.body.some(
          (row: { event: string; hop: string }) =>
            row.event === 'requested' && row.hop === 'acknowledged',
        );
      },
      { what: 'the acknowledged receipt' },
    );
    const history = await http(referrals)
      .get(`/api/v1/referrals/${referralId}/history`)
      .set('Authorization', REFERRER)
      .expect(200);
    expect(history.body.map((step: { action: string }) => step.action)).toEqual(
      expect.arrayContaining(['acknowledge', 'accept']),
    );
  });

  it('seals the package so that only the recipient key opens it', async () => {
    await expect(
      compactDecrypt(accepted.jwe, await importPrivate(entraide.privateJwk)),
    ).rejects.toThrow();
  });

  it('keeps names, phones and document numbers out of the stream and every database', async () => {
    const { person } = accepted;
    const needles = [
      person.lastName as string,
      person.phone as string,
      (person.documents as Array<{ number: string }>)[0].number,
    ];
    for (const message of await storedPartnerMessages()) {
      for (const needle of needles) expect(message.body).not.toContain(needle);
    }
    for (const app of [referrals, registration]) {
      const found = await clearTextIn(app.get(DataSource), needles);
      expect(found).toEqual([]);
    }
  });

  it('refuses an answer about another partner referral: dead-lettered and noticed', async () => {
    const { id } = await aPerson(2);
    await consentTo(id, [anapec.org]);
    const referralId = await refer(id, anapec.serviceId);
    const intruder = await partnerClient(entraide);
    const answerId = '0190f000-0000-7000-8000-00000000abcd';
    await intruder.publishAnswer({
      answer: 'received',
      id: answerId,
      subject: referralId,
      data: { referralId },
    });
    const notices: Delivery[] = [];
    for await (const delivery of intruder.referrals()) {
      await delivery.ack();
      if (delivery.kind === 'notice') {
        notices.push(delivery);
        break;
      }
    }
    expect(notices[0]).toMatchObject({
      notice: { refusedEventId: answerId, reason: 'not-addressed-to-you', referralId },
    });
    expect(await statusOf(referralId)).toBe('requested');
    const letters = (await storedMessages(operator, names.stream('DLQ'))).filter(
      (message) =>
        message.headers['dlq-origin-subject'] === `partners.${entraide.code}.responses.received`,
    );
    expect(letters).toHaveLength(1);
    expect(letters[0].headers['dlq-reason']).toBe('rejected');
  });

  it('resumes a partner killed mid-batch: every referral answered once', async () => {
    const referralIds: string[] = [];
    for (let n = 3; n < 8; n += 1) {
      const { id } = await aPerson(n);
      await consentTo(id, [anapec.org]);
      referralIds.push(await refer(id, anapec.serviceId));
    }
    // The first desk answers two, then dies after answering the third without acking it.
    const first = await partnerClient(anapec);
    let handled = 0;
    for await (const delivery of first.referrals({ batch: 1 })) {
      if (delivery.kind !== 'referral') {
        await delivery.ack();
        continue;
      }
      if (!referralIds.includes(delivery.referral.referralId)) {
        await delivery.ack();
        continue;
      }
      handled += 1;
      if (handled < 3) {
        await first.received(delivery);
        await first.accept(delivery);
      } else {
        await first.received(delivery);
        await first.answer(delivery, 'accepted', {}, { ack: false });
        break;
      }
    }
    await first.close();
    // The next desk gets the unacked one again (once its ack_wait lapses, shortened here) and
    // the rest.
    await operator.consumers.update(PARTNERS, anapec.code, { ack_wait: 1_000_000_000 });
    const second = await partnerClient(anapec);
    const stop = new AbortController();
    const running = autoAnswer(second, { signal: stop.signal });
    await waitFor(
      async () =>
        (await Promise.all(referralIds.map(statusOf))).every((status) => status === 'accepted'),
      { what: 'every referral accepted', timeoutMs: 60_000 },
    );
    stop.abort();
    await running;
    const steps: Array<{ referral_id: string; action: string; n: string }> = await referrals
      .get(DataSource)
      .query(
        `SELECT referral_id, action, count(*) AS n FROM referral_transition
          WHERE referral_id = ANY($1::uuid[]) AND action IN ('acknowledge', 'accept')
          GROUP BY referral_id, action`,
        [referralIds],
      );
    expect(steps).toHaveLength(referralIds.length * 2);
    expect(steps.every((step) => Number(step.n) === 1)).toBe(true);
  });

  it('cuts a revoked partner off without restarting anything', async () => {
    const client = await partnerClient(entraide);
    await referrals.get(PartnerProvisioning).revoke(entraide.org);
    // The server reloaded the file without the partner's user: its connection is closed …
    await waitFor(() => client.isClosed(), { what: 'the revoked connection closed' });
    // … and it cannot come back.
    await expect(
      PartnerClient.connect({
        code: entraide.code,
        servers: nats.url,
        seed: entraide.seed,
        privateJwk: entraide.privateJwk,
        namespace,
      }),
    ).rejects.toThrow(/authorization/i);
    await expect(operator.consumers.info(PARTNERS, entraide.code)).rejects.toThrow(/not found/i);
    // Another partner is untouched.
    const other = await partnerClient(anapec);
    expect(other.isClosed()).toBe(false);
    expect(readFileSync(authorizationFile, 'utf8')).not.toContain(`partner ${entraide.code}`);
  });

  it('keeps partners without a system on the API: nothing goes to the bus for them', async () => {
    const plain = await http(referrals)
      .post('/api/v1/partners')
      .set('Authorization', COORDINATOR)
      .send({
        code: `PBN${randomBytes(2).toString('hex').toUpperCase()}`,
        names: { fr: 'Sans système' },
        kind: 'ngo',
      })
      .expect(201);
    const service = await http(referrals)
      .post('/api/v1/services')
      .set('Authorization', COORDINATOR)
      .send({ partnerId: plain.body.id, type: 'employment', name: 'Guichet', regionCodes: ['05'] })
      .expect(201);
    const { id } = await aPerson(9);
    await consentTo(id, [plain.body.code]);
    const referralId = await refer(id, service.body.id);
    const officer = bearer(plain.body.code, ['referral-officer'], 'ro-plain');
    await http(referrals)
      .post(`/api/v1/referrals/${referralId}/acknowledge`)
      .set('Authorization', officer)
      .set('If-Match', '"1"')
      .expect(200);
    const stored = await storedPartnerMessages();
    expect(stored.some((message) => message.body.includes(referralId))).toBe(false);
  });
});
