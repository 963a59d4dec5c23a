import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SERVICE_NAMES } from '@mrm/contracts';
import { BusNamespace, JetStreamConnection } from '@mrm/messaging';
import { inboxPrefixOf, OPERATOR_USER, PARTNERS_STREAM } from '@mrm/nats-authorization';
import { PartnerClient } from '@mrm/partner-sdk';
import { bearer, startTestService, TestDatabase, ThrowawayNats, waitFor } from '@mrm/testing';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { exportJWK, generateKeyPair } from 'jose';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { publishNatsAuthorization } from '../../apps/referrals/src/partner-bus/nats-authorization.file';
import { PartnerProvisioning } from '../../apps/referrals/src/partner-bus/partner-provisioning.service';
import { ReferralsConfig } from '../../apps/referrals/src/referrals.config';
import { ReferralsModule } from '../../apps/referrals/src/referrals.module';
import { REFERRALS_OPENAPI } from '../../apps/referrals/src/referrals.openapi';
import { RegistrationConfig } from '../../apps/registration/src/registration.config';
import { RegistrationModule } from '../../apps/registration/src/registration.module';
import { REGISTRATION_OPENAPI } from '../../apps/registration/src/registration.openapi';
import { storedMessages, type PartnerKit } from './support/partner-bus.support';

export const REFERRER = bearer('IOM', ['referral-officer'], 'ro-iom');
export const COORDINATOR = bearer('MINISTRY', ['coordinator'], 'coord-1');
export const CASE_WORKER = bearer('IOM', ['case-worker'], 'cw-iom');

/** A person as registration takes it; names, phone and document differ with `n`. */
export type Person = Record<string, unknown> & {
  firstName: string;
  lastName: string;
  phone: string;
  documents: Array<{ type: string; number: string; issuingCountry: string }>;
};

/**
 * Registration and referrals, each with its own NATS user, on a throw-away nats-server started
 * with the authorization that `npm run partners` renders from the directory; partners are
 * provisioned through the real provisioning and connect with the SDK. Shared by the partner-bus
 * tests and the benchmark (stage 9) so that both run on the same setup.
 */
export class PartnerBusPlatform {
  readonly names: BusNamespace;
  readonly partnersStream: string;
  private readonly clients: Array<{ close: () => Promise<unknown> }> = [];

  private constructor(
    readonly namespace: string,
    readonly nats: ThrowawayNats,
    readonly registration: NestExpressApplication,
    readonly referrals: NestExpressApplication,
    readonly operator: JetStreamManager,
    readonly authorizationFile: string,
    private readonly operatorConnection: NatsConnection,
    private readonly databases: TestDatabase[],
    private readonly dir: string,
  ) {
    this.names = new BusNamespace(namespace);
    this.partnersStream = this.names.stream(PARTNERS_STREAM);
  }

  /**
   * `databaseLabel` prefixes both databases (each dropped by `close()`); `referralsEnv` adds to
   * the referrals service's environment (e.g. a shorter receipts interval).
   */
  static async start(options: {
    namespace: string;
    databaseLabel: string;
    referralsEnv?: Record<string, string>;
    logLevel?: string;
  }): Promise<PartnerBusPlatform> {
    const { namespace } = options;
    const passwords: Record<string, string> = Object.fromEntries(
      [...SERVICE_NAMES, OPERATOR_USER].map((user) => [user, randomBytes(12).toString('hex')]),
    );
    const dir = mkdtempSync(join(tmpdir(), 'mrm-partner-bus-'));
    const authorizationFile = join(dir, 'authorization.conf');
    const pidFile = join(dir, 'nats.pid');
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
    // What is up so far, undone in reverse if a later step fails (no orphan server or database).
    const undo: Array<() => Promise<unknown>> = [
      () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
    ];
    try {
      // The first rendering, before any partner: what the CLI writes on an empty directory.
      await publishNatsAuthorization({
        file: authorizationFile,
        namespace,
        partners: [],
        passwords,
      });
      const nats = await ThrowawayNats.start({ configFile, jetStreamInConfig: true });
      undo.push(() => nats.stop());
      const env = (service: string) => ({
        NATS_URL: nats.url,
        NATS_USER: service,
        NATS_PASSWORD: passwords[service],
        ...(options.logLevel ? { LOG_LEVEL: options.logLevel } : {}),
      });
      const referralsDb = await TestDatabase.create(`${options.databaseLabel}_referrals`);
      undo.push(() => referralsDb.drop());
      const registrationDb = await TestDatabase.create(`${options.databaseLabel}_registration`);
      undo.push(() => registrationDb.drop());
      const referrals = (
        await startTestService({
          service: 'referrals',
          configClass: ReferralsConfig,
          rootModule: (config: ReferralsConfig) => ReferralsModule.forRoot(config),
          openApi: REFERRALS_OPENAPI,
          databaseUrl: referralsDb.url,
          namespace,
          env: {
            ...env('referrals'),
            NATS_AUTHORIZATION_FILE: authorizationFile,
            NATS_SERVER_PID_FILE: pidFile,
            ...options.referralsEnv,
          },
        })
      ).app;
      undo.push(() => referrals.close());
      const registration = (
        await startTestService({
          service: 'registration',
          configClass: RegistrationConfig,
          rootModule: (config: RegistrationConfig) => RegistrationModule.forRoot(config),
          openApi: REGISTRATION_OPENAPI,
          databaseUrl: registrationDb.url,
          namespace,
          env: env('registration'),
        })
      ).app;
      undo.push(() => registration.close());
      await referrals.get(JetStreamConnection).ready();
      await registration.get(JetStreamConnection).ready();
      const operatorConnection = await connect({
        servers: nats.url,
        user: OPERATOR_USER,
        pass: passwords[OPERATOR_USER],
        inboxPrefix: inboxPrefixOf(OPERATOR_USER),
      });
      undo.push(() => operatorConnection.close());
      const operator = await jetstreamManager(operatorConnection);
      // Provisioning re-renders with the services' passwords of this platform.
      const provisioning = referrals.get(PartnerProvisioning);
      const original = provisioning.publishAuthorization.bind(provisioning);
      provisioning.publishAuthorization = () => original(passwords);
      return new PartnerBusPlatform(
        namespace,
        nats,
        registration,
        referrals,
        operator,
        authorizationFile,
        operatorConnection,
        [referralsDb, registrationDb],
        dir,
      );
    } catch (error) {
      for (const step of undo.reverse()) await step().catch(() => undefined);
      throw error;
    }
  }

  http(app: NestExpressApplication) {
    return request(app.getHttpServer());
  }

  /** Every message the partners' stream stores, read back raw. */
  storedPartnerMessages() {
    return storedMessages(this.operator, this.partnersStream);
  }

  /** A partner with one employment service, a key pair and its NATS credentials. */
  async provision(org: string): Promise<PartnerKit> {
    const partner = await this.http(this.referrals)
      .post('/api/v1/partners')
      .set('Authorization', COORDINATOR)
      .send({ code: org, names: { fr: `Partenaire ${org}` }, kind: 'agency' })
      .expect(201);
    const service = await this.http(this.referrals)
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
    const provisioned = await this.referrals.get(PartnerProvisioning).add({
      code: org,
      publicKey: JSON.stringify(await exportJWK(publicKey)),
    });
    // The partner can connect once the server reloaded the rendered file.
    if (provisioned.authorization !== 'written-and-reloaded') {
      throw new Error(
        `${org} provisioned but the server did not reload: ${provisioned.authorization}`,
      );
    }
    return {
      code: org.toLowerCase(),
      org,
      partnerId: partner.body.id,
      serviceId: service.body.id,
      seed: provisioned.seed!,
      privateJwk: await exportJWK(privateKey),
    };
  }

  /** An SDK client for the partner, retried until the reloaded server lets it in. */
  async partnerClient(kit: PartnerKit): Promise<PartnerClient> {
    let client: PartnerClient | undefined;
    await waitFor(
      async () => {
        client = await PartnerClient.connect({
          code: kit.code,
          servers: this.nats.url,
          seed: kit.seed,
          privateJwk: kit.privateJwk,
          namespace: this.namespace,
        }).catch(() => undefined);
        return client !== undefined;
      },
      // A reload under load can take a while; each refused attempt fails fast.
      { what: `${kit.code} connecting`, timeoutMs: 60_000, intervalMs: 250 },
    );
    this.clients.push(client!);
    return client!;
  }

  /** Registers person `n` (distinct names, phone, document) and returns its id. */
  async aPerson(n: number): Promise<{ id: string; person: Person }> {
    const person: Person = {
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
    return { id: await this.register(person), person };
  }

  /** Registers `person` in registration as a case worker of IOM and returns its id. */
  async register(person: Record<string, unknown>): Promise<string> {
    const created = await this.http(this.registration)
      .post('/api/v1/beneficiaries')
      .set('authorization', CASE_WORKER)
      .send(person)
      .expect(201);
    return created.body.id as string;
  }

  /** Records a referral consent for `orgs` in registration (not waiting for referrals). */
  async grantConsent(beneficiaryId: string, orgs: string[]): Promise<void> {
    await this.http(this.registration)
      .post(`/api/v1/beneficiaries/${beneficiaryId}/consents`)
      .set('authorization', CASE_WORKER)
      .send({
        purposes: ['referral'],
        recipients: orgs,
        dataCategories: ['identity', 'contact', 'documents'],
        noticeVersion: '2025-03',
      })
      .expect(201);
  }

  /** Waits until referrals' read model holds a consent for each of `beneficiaryIds`. */
  async consentsKnown(beneficiaryIds: string[], timeoutMs?: number): Promise<void> {
    await waitFor(
      async () => {
        const rows: Array<{ n: string }> = await this.referrals
          .get(DataSource)
          .query(
            'SELECT count(DISTINCT beneficiary_id) AS n FROM consent_grant WHERE beneficiary_id = ANY($1::uuid[])',
            [beneficiaryIds],
          );
        return Number(rows[0].n) === beneficiaryIds.length;
      },
      { what: 'the consents in referrals', timeoutMs },
    );
  }

  async consentTo(beneficiaryId: string, orgs: string[]): Promise<void> {
    await this.grantConsent(beneficiaryId, orgs);
    // Referrals checks consents against its read model: wait until it has this one.
    await this.consentsKnown([beneficiaryId]);
  }

  /** The body of a referral to `serviceId` sharing the categories the consent covers. */
  static referralBody(beneficiaryId: string, serviceId: string) {
    return {
      beneficiaryId,
      serviceId,
      reason: 'Looking for work',
      servicesRequested: ['job placement'],
      priority: 'normal',
      dataCategories: ['identity', 'contact', 'documents'],
    };
  }

  async refer(beneficiaryId: string, serviceId: string): Promise<string> {
    let created: string | undefined;
    await waitFor(
      async () => {
        const response = await this.http(this.referrals)
          .post('/api/v1/referrals')
          .set('Authorization', REFERRER)
          .send(PartnerBusPlatform.referralBody(beneficiaryId, serviceId));
        if (response.status === 201) created = response.body.id as string;
        return created !== undefined;
      },
      { what: 'the referral created (roster and consent known)' },
    );
    return created!;
  }

  async statusOf(referralId: string): Promise<string> {
    return (
      await this.http(this.referrals)
        .get(`/api/v1/referrals/${referralId}`)
        .set('Authorization', REFERRER)
    ).body.status;
  }

  /** Closes the clients, services and server, drops both databases. */
  async close(): Promise<void> {
    for (const client of this.clients) await client.close().catch(() => undefined);
    await this.operatorConnection.close();
    await this.registration.close();
    await this.referrals.close();
    await this.nats.stop();
    await Promise.all(this.databases.map((database) => database.drop()));
    rmSync(this.dir, { recursive: true, force: true });
  }
}
