import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DynamicModule } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SERVICE_NAMES, type ServiceName } from '@mrm/contracts';
import { BusNamespace, DeadLetterStore, JetStreamConnection } from '@mrm/messaging';
import {
  inboxPrefixOf,
  OPERATOR_USER,
  PARTNER_RESPONSES_STREAM,
  PARTNERS_STREAM,
  renderThrowawayNatsConfig,
} from '@mrm/nats-authorization';
import type { OpenApiInfo } from '@mrm/http';
import type { ServiceConfig } from '@mrm/runtime';
import {
  bearer,
  newNamespace,
  startTestService,
  syntheticRegistration,
  TestDatabase,
  ThrowawayNats,
  waitFor,
} from '@mrm/testing';
import {
  AckPolicy,
  jetstream,
  jetstreamManager,
  type JetStreamClient,
  type JetStreamManager,
} from '@nats-io/jetstream';
import { createUser } from '@nats-io/nkeys';
import {
  connect,
  nkeyAuthenticator,
  type NatsConnection,
  type NodeConnectionOptions,
} from '@nats-io/transport-node';
import request from 'supertest';
import { ReferralsConfig } from '../../apps/referrals/src/referrals.config';
import { ReferralsModule } from '../../apps/referrals/src/referrals.module';
import { REFERRALS_OPENAPI } from '../../apps/referrals/src/referrals.openapi';
import { RegistrationConfig } from '../../apps/registration/src/registration.config';
import { RegistrationModule } from '../../apps/registration/src/registration.module';
import { REGISTRATION_OPENAPI } from '../../apps/registration/src/registration.openapi';
import { ReintegrationConfig } from '../../apps/reintegration/src/reintegration.config';
import { ReintegrationModule } from '../../apps/reintegration/src/reintegration.module';
import { REINTEGRATION_OPENAPI } from '../../apps/reintegration/src/reintegration.openapi';
import { BeneficiaryFactsRebuild } from '../../apps/reporting/src/beneficiary-indicators/beneficiary-facts.rebuild';
import { ReportingConfig } from '../../apps/reporting/src/reporting.config';
import { ReportingModule } from '../../apps/reporting/src/reporting.module';
import { REPORTING_OPENAPI } from '../../apps/reporting/src/reporting.openapi';
import { TrainingConfig } from '../../apps/training/src/training.config';
import { TrainingModule } from '../../apps/training/src/training.module';
import { TRAINING_OPENAPI } from '../../apps/training/src/training.openapi';

interface ServiceDefinition {
  readonly configClass: new () => ServiceConfig;
  readonly rootModule: (config: never) => DynamicModule;
  readonly openApi: OpenApiInfo;
}

const SERVICES: Record<ServiceName, ServiceDefinition> = {
  registration: {
    configClass: RegistrationConfig,
    rootModule: (config: RegistrationConfig) => RegistrationModule.forRoot(config),
    openApi: REGISTRATION_OPENAPI,
  },
  training: {
    configClass: TrainingConfig,
    rootModule: (config: TrainingConfig) => TrainingModule.forRoot(config),
    openApi: TRAINING_OPENAPI,
  },
  reintegration: {
    configClass: ReintegrationConfig,
    rootModule: (config: ReintegrationConfig) => ReintegrationModule.forRoot(config),
    openApi: REINTEGRATION_OPENAPI,
  },
  referrals: {
    configClass: ReferralsConfig,
    rootModule: (config: ReferralsConfig) => ReferralsModule.forRoot(config),
    openApi: REFERRALS_OPENAPI,
  },
  reporting: {
    configClass: ReportingConfig,
    rootModule: (config: ReportingConfig) => ReportingModule.forRoot(config),
    openApi: REPORTING_OPENAPI,
  },
};

/** The request was refused by the server's permissions (never a timeout, never a success). */
async function expectDenied(action: Promise<unknown>): Promise<void> {
  await expect(action).rejects.toThrow(/permissions violation/i);
}

// Every service, the operator and two partners on a nats-server started with the GENERATED
// authorization (libs/nats-authorization): the platform still works end to end, and each NATS user
// is refused everything outside its own streams, consumers, subjects and reply inbox.
describe('NATS isolation with the generated authorization', () => {
  const namespace = newNamespace();
  const names = new BusNamespace(namespace);
  const REGISTRATION = names.stream('REGISTRATION');
  const REINTEGRATION = names.stream('REINTEGRATION');
  const PARTNERS = names.stream(PARTNERS_STREAM);
  const RESPONSES = names.stream(PARTNER_RESPONSES_STREAM);
  const passwords: Record<string, string> = Object.fromEntries(
    [...SERVICE_NAMES, OPERATOR_USER].map((user) => [user, randomBytes(12).toString('hex')]),
  );
  const anapecKey = createUser();
  const entraideKey = createUser();
  const configDir = mkdtempSync(join(tmpdir(), 'mrm-nats-auth-'));
  let nats: ThrowawayNats;
  const databases: TestDatabase[] = [];
  const apps = new Map<ServiceName, NestExpressApplication>();
  const clients: NatsConnection[] = [];

  /** A raw client as `user`, replying under its own inbox prefix (as the services do). */
  const connectAs = async (user: string, options: Partial<NodeConnectionOptions> = {}) => {
    const nc = await connect({
      servers: nats.url,
      user,
      pass: passwords[user],
      inboxPrefix: inboxPrefixOf(user),
      timeout: 2000,
      ...options,
    });
    clients.push(nc);
    return nc;
  };
  const connectPartner = async (code: string, seed: Uint8Array) =>
    connectAs(code, { user: undefined, pass: undefined, authenticator: nkeyAuthenticator(seed) });
  const apis = async (nc: NatsConnection): Promise<[JetStreamManager, JetStreamClient]> => [
    await jetstreamManager(nc, { timeout: 2000 }),
    jetstream(nc, { timeout: 2000 }),
  ];
  let operator: [JetStreamManager, JetStreamClient];

  beforeAll(async () => {
    const configFile = join(configDir, 'nats.conf');
    writeFileSync(
      configFile,
      renderThrowawayNatsConfig({
        namespace,
        passwords,
        partners: [
          { code: 'anapec', nkey: anapecKey.getPublicKey() },
          { code: 'entraide', nkey: entraideKey.getPublicKey() },
        ],
      }),
    );
    nats = await ThrowawayNats.start({ configFile });
    for (const service of SERVICE_NAMES) {
      const database = await TestDatabase.create(`isol_${service.slice(0, 5)}`);
      databases.push(database);
      const definition = SERVICES[service];
      const { app } = await startTestService({
        service,
        configClass: definition.configClass,
        rootModule: definition.rootModule as (config: ServiceConfig) => DynamicModule,
        openApi: definition.openApi,
        databaseUrl: database.url,
        namespace,
        env: { NATS_URL: nats.url, NATS_USER: service, NATS_PASSWORD: passwords[service] },
      });
      apps.set(service, app);
    }
    operator = await apis(await connectAs(OPERATOR_USER));
  });

  afterAll(async () => {
    for (const nc of clients) await nc.close().catch(() => undefined);
    for (const app of [...apps.values()].reverse()) await app.close();
    await nats?.stop();
    await Promise.all(databases.map((database) => database.drop()));
    rmSync(configDir, { recursive: true, force: true });
  });

  it('lets every service work: a registration reaches every consumer of registration events', async () => {
    // Connected and its streams provisioned, with its own user.
    for (const app of apps.values()) await app.get(JetStreamConnection).ready();
    await request(apps.get('registration')!.getHttpServer())
      .post('/api/v1/beneficiaries')
      .set('authorization', bearer('IOM', ['case-worker']))
      .send(syntheticRegistration(1, { sex: 'female', regionCode: '05' }))
      .expect(201);

    // Reporting projected it (its durable pulled and acked under its own permissions) …
    await waitFor(
      async () =>
        (
          await request(apps.get('reporting')!.getHttpServer())
            .get('/api/v1/indicators/beneficiaries?groupBy=sex')
            .set('authorization', bearer('MINISTRY', ['coordinator']))
        ).body.total === 1,
      { what: 'the registration in reporting' },
    );
    // … and so did every other consumer of the stream, each on its own durable.
    for (const durable of ['training', 'reintegration', 'referrals', 'reporting']) {
      await waitFor(
        async () => {
          const info = await operator[0].consumers.info(REGISTRATION, durable);
          return info.ack_floor.stream_seq >= 1 && info.num_pending === 0;
        },
        { what: `${durable} acking the registration` },
      );
    }
    // Reporting's rebuild replays the stream through an ordered consumer of its own.
    const rebuild = await apps.get('reporting')!.get(BeneficiaryFactsRebuild).rebuild();
    expect(rebuild.applied).toBe(1);
    // Each service declared its own stream (and the DLQ) with its own permissions.
    for (const service of SERVICE_NAMES) {
      await expect(
        operator[0].streams.info(names.stream(service.toUpperCase())),
      ).resolves.toBeTruthy();
    }
  });

  it('refuses a service another service stream, consumers, subjects and replies', async () => {
    const [jsm, js] = await apis(await connectAs('training'));
    // A stream it does not consume: no info, no consumer, no delete.
    await expectDenied(jsm.streams.info(REINTEGRATION));
    await expectDenied(
      jsm.consumers.add(REINTEGRATION, {
        durable_name: 'training',
        ack_policy: AckPolicy.Explicit,
      }),
    );
    await expectDenied(jsm.streams.delete(REINTEGRATION));
    // The stream it consumes: it may not delete, purge nor re-configure it, nor take over or
    // delete another service's durable there, nor pull from one.
    await expectDenied(jsm.streams.delete(REGISTRATION));
    await expectDenied(jsm.streams.purge(REGISTRATION));
    await expectDenied(jsm.streams.update(REGISTRATION, { max_msgs: 1 }));
    await expectDenied(
      jsm.consumers.add(REGISTRATION, {
        durable_name: 'reporting',
        ack_policy: AckPolicy.Explicit,
      }),
    );
    await expectDenied(jsm.consumers.delete(REGISTRATION, 'reporting'));
    const nc = clients[clients.length - 1];
    await expectDenied(
      nc.request(`$JS.API.CONSUMER.MSG.NEXT.${REGISTRATION}.reporting`, '{"batch":1}', {
        timeout: 2000,
      }),
    );
    // It may not forge another service's event.
    await expectDenied(js.publish(names.subject('registration.beneficiary.registered.v1'), '{}'));

    // Nor read registration's replies: the subscription is refused by the server.
    const spy = nc.subscribe(`${inboxPrefixOf('registration')}.>`);
    await expect(spy.closed).resolves.toBeInstanceOf(Error);
    const events = nc.subscribe(names.subject('registration.>'));
    await expect(events.closed).resolves.toBeInstanceOf(Error);

    // Everything is still there.
    expect((await operator[0].streams.info(REGISTRATION)).state.messages).toBeGreaterThanOrEqual(1);
    expect((await operator[0].streams.info(REINTEGRATION)).config.name).toBe(REINTEGRATION);
    expect((await operator[0].consumers.info(REGISTRATION, 'reporting')).name).toBe('reporting');
  });

  it('lets the operator replay a dead letter that services wrote with their own users', async () => {
    const [jsm, js] = operator;
    // A message no consumer can decode: every consumer of registration events dead-letters it.
    await js.publish(names.subject('registration.beneficiary.registered.v1'), 'not an event');
    const store = new DeadLetterStore(jsm, js, names);
    let letters: Awaited<ReturnType<DeadLetterStore['list']>> = [];
    await waitFor(
      async () => {
        letters = await store.list({});
        return letters.length === 4;
      },
      { what: 'four dead letters' },
    );
    expect(letters.map((letter) => letter.consumer).sort()).toEqual([
      'referrals',
      'reintegration',
      'reporting',
      'training',
    ]);
    const before = (await jsm.streams.info(REGISTRATION)).state.last_seq;
    const replayed = await store.replay(letters[0].sequence);
    expect(replayed.originSubject).toBe('registration.beneficiary.registered.v1');
    expect((await jsm.streams.info(REGISTRATION)).state.last_seq).toBe(before + 1);

    // A service user cannot replay: it may not even read a dead letter.
    const [serviceJsm, serviceJs] = await apis(await connectAs('reporting'));
    await expectDenied(
      new DeadLetterStore(serviceJsm, serviceJs, names).replay(letters[1].sequence),
    );
    expect((await jsm.streams.info(REGISTRATION)).state.last_seq).toBe(before + 1);
  });

  it('limits a partner to fetching and acking its own consumer and answering on its own subject', async () => {
    // Referrals declared the partner streams at start-up and provisions the partners' durables
    // with its own user (bus contract).
    const [referralsJsm] = await apis(await connectAs('referrals'));
    expect((await referralsJsm.streams.info(PARTNERS)).config.name).toBe(PARTNERS);
    expect((await referralsJsm.streams.info(RESPONSES)).config.name).toBe(RESPONSES);
    for (const code of ['anapec', 'entraide']) {
      await referralsJsm.consumers.add(PARTNERS, {
        durable_name: code,
        ack_policy: AckPolicy.Explicit,
        filter_subject: names.subject(`partners.${code}.referrals.>`),
      });
    }
    // Registration dispatches one (encrypted) referral to each partner.
    const [, registrationJs] = await apis(await connectAs('registration'));
    for (const code of ['anapec', 'entraide']) {
      await registrationJs.publish(names.subject(`partners.${code}.referrals.requested`), code);
    }

    const anapec = await connectPartner('anapec', anapecKey.getSeed());
    const js = jetstream(anapec, { timeout: 2000 });
    const consumer = await js.consumers.get(PARTNERS, 'anapec');
    const batch = await consumer.fetch({ max_messages: 5, expires: 1000 });
    const received: string[] = [];
    for await (const message of batch) {
      received.push(message.string());
      await message.ackAck();
    }
    expect(received).toEqual(['anapec']);
    await js.publish(names.subject('partners.anapec.responses.accepted'), 'ok');
    const responses = await operator[0].streams.info(RESPONSES);
    expect(responses.state.messages).toBe(1);

    // Not the other partner's consumer, answers or replies; no stream API; no platform subject.
    await expectDenied(js.consumers.get(PARTNERS, 'entraide'));
    await expectDenied(
      anapec.request(`$JS.API.CONSUMER.MSG.NEXT.${PARTNERS}.entraide`, '{"batch":1}', {
        timeout: 2000,
      }),
    );
    await expectDenied(js.publish(names.subject('partners.entraide.responses.accepted'), 'x'));
    await expectDenied(js.publish(names.subject('registration.beneficiary.erased.v1'), 'x'));
    const jsm = await jetstreamManager(anapec, { checkAPI: false, timeout: 2000 });
    await expectDenied(jsm.streams.info(PARTNERS));
    await expectDenied(jsm.streams.delete(PARTNERS));
    const spy = anapec.subscribe(`${inboxPrefixOf('entraide')}.>`);
    await expect(spy.closed).resolves.toBeInstanceOf(Error);

    // The other partner's referral is untouched and still waiting for it.
    const entraide = await operator[0].consumers.info(PARTNERS, 'entraide');
    expect(entraide.num_pending).toBe(1);
    const own = await operator[0].consumers.info(PARTNERS, 'anapec');
    expect([own.delivered.consumer_seq, own.num_ack_pending, own.num_pending]).toEqual([1, 0, 0]);
    expect((await operator[0].streams.info(RESPONSES)).state.messages).toBe(1);
  });
});
