import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVICE_NAMES } from '@mrm/contracts';
import {
  ACCOUNTS_FILE_NAME,
  OPERATOR_USER,
  passwordVariableOf,
  renderComposeNatsConfig,
} from '@mrm/nats-authorization';
import { autoAnswer, PartnerClient } from '@mrm/partner-sdk';
import {
  bearer,
  expectDeclared,
  newNamespace,
  OpenApiContract,
  ThrowawayNats,
  waitFor,
  type OpenApiDocument,
} from '@mrm/testing';
import { DataSource } from 'typeorm';
import { parse } from 'yaml';
import { runPartnersCli, type PartnersCliIo } from '../../apps/referrals/src/cli/partners';
import { PartnerProvisioning } from '../../apps/referrals/src/partner-bus/partner-provisioning.service';
import type { PartnerKit } from './support/partner-bus.support';
import { COORDINATOR, PartnerBusPlatform, REFERRER } from './partner-bus.platform';

// Short enough for a partner system to turn stale within the test.
const STALE_AFTER_SECONDS = 3;

// What operators and coordinators see of the partner bus: a partner system's state in the API,
// and the NATS accounts rendered from the directory for compose and Kubernetes.
describe('operating the partner bus', () => {
  let platform: PartnerBusPlatform;
  let active: PartnerKit;
  let revoked: PartnerKit;

  const http = () => platform.http(platform.referrals);
  const partnerClient = (kit: PartnerKit) => platform.partnerClient(kit);

  beforeAll(async () => {
    platform = await PartnerBusPlatform.start({
      namespace: newNamespace(),
      databaseLabel: 'pbops',
      referralsEnv: {
        PARTNER_RECEIPTS_INTERVAL_MS: '300',
        PARTNER_FETCH_STALE_AFTER: String(STALE_AFTER_SECONDS),
      },
    });
    active = await platform.provision(`PBA${randomBytes(2).toString('hex').toUpperCase()}`);
    revoked = await platform.provision(`PBR${randomBytes(2).toString('hex').toUpperCase()}`);
    await platform.referrals.get(PartnerProvisioning).revoke(revoked.org);
  });

  afterAll(async () => {
    await platform?.close();
  });

  it('shows coordinators where a partner system stands: credentials, fetching, backlog', async () => {
    const { body: document } = await http().get('/api/openapi.json').expect(200);
    const contract = new OpenApiContract(document as OpenApiDocument);
    const OPERATION = 'GET /api/v1/partners/{id}/system';
    const systemOf = async (partnerId: string, as = COORDINATOR) =>
      http().get(`/api/v1/partners/${partnerId}/system`).set('Authorization', as);

    // A system with a referral waiting that it has not fetched: backlog, then stale.
    const idle = await platform.provision(`PBS${randomBytes(2).toString('hex').toUpperCase()}`);
    const { partnerId } = idle;
    const { id } = await platform.aPerson(1);
    await platform.consentTo(id, [idle.org]);
    const referralId = await platform.refer(id, idle.serviceId);
    let waiting: Record<string, unknown> = {};
    await waitFor(
      async () => {
        waiting = expectDeclared(contract, OPERATION, await systemOf(partnerId), 200);
        return waiting.pending === 1 && waiting.stale === true;
      },
      { what: 'one referral pending on an idle, stale partner system' },
    );
    expect(waiting).toMatchObject({
      partnerId,
      connected: true,
      status: 'active',
      busCode: idle.code,
      keyVersion: 1,
      lastFetchAt: null,
      ackPending: 0,
      staleAfterSeconds: STALE_AFTER_SECONDS,
    });
    expect(waiting.oldestUndeliveredAgeSeconds).toEqual(expect.any(Number));

    // Its desk fetches and answers: nothing pending, a recent fetch, no longer stale.
    const desk = await partnerClient(idle);
    const stop = new AbortController();
    const running = autoAnswer(desk, { signal: stop.signal, log: () => undefined });
    try {
      await waitFor(async () => (await platform.statusOf(referralId)) === 'accepted', {
        what: 'the idle partner answering',
      });
      let fetched: Record<string, unknown> = {};
      await waitFor(
        async () => {
          fetched = expectDeclared(contract, OPERATION, await systemOf(partnerId), 200);
          return fetched.pending === 0 && fetched.lastFetchAt !== null && fetched.stale === false;
        },
        { what: 'the fetching seen by the receipts sweep' },
      );
      expect(fetched.oldestUndeliveredAgeSeconds).toBeNull();
    } finally {
      stop.abort();
      await running;
    }

    // Revoked, and never connected (a directory entry of its own).
    const revokedStatus = expectDeclared(
      contract,
      OPERATION,
      await systemOf(revoked.partnerId, bearer('MINISTRY', ['admin'], 'admin-1')),
      200,
    );
    expect(revokedStatus).toMatchObject({ connected: false, status: 'revoked', pending: null });
    expect(revokedStatus.revokedAt).toEqual(expect.any(String));
    const plain = await http()
      .post('/api/v1/partners')
      .set('Authorization', COORDINATOR)
      .send({
        code: `PBX${randomBytes(2).toString('hex').toUpperCase()}`,
        names: { fr: 'API' },
        kind: 'ngo',
      })
      .expect(201);
    expect(expectDeclared(contract, OPERATION, await systemOf(plain.body.id), 200)).toMatchObject({
      connected: false,
      status: 'none',
      busCode: null,
      stale: false,
    });

    // Refused as problem+json: an unknown partner, a bad id, a role that may not see it.
    const refusals = [
      await systemOf(randomUUID()),
      await systemOf('not-a-uuid'),
      await systemOf(partnerId, REFERRER),
    ];
    expect(refusals.map((answer) => answer.status)).toEqual([404, 400, 403]);
    for (const answer of refusals) {
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
      expectDeclared(contract, OPERATION, answer);
    }
  });

  it('renders from the directory the accounts a fresh compose or Kubernetes node takes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mrm-partner-render-'));
    try {
      // The layout of compose and of the StatefulSet: /etc/nats/nats.conf includes
      // /etc/nats-accounts/accounts.conf.
      mkdirSync(join(dir, 'nats'));
      mkdirSync(join(dir, 'nats-accounts'));
      const output: string[] = [];
      const io: PartnersCliIo = {
        out: (text) => output.push(text),
        err: () => undefined,
        env: {
          NODE_ENV: 'test',
          DATABASE_URL: (platform.referrals.get(DataSource).options as { url: string }).url,
          NATS_URL: platform.nats.url,
          NATS_NAMESPACE: platform.namespace,
          HTTP_PORT: '0',
        },
      };
      const accountsFile = join(dir, 'nats-accounts', ACCOUNTS_FILE_NAME);
      expect(await runPartnersCli(['render', '--output', accountsFile], io)).toBe(0);
      const accounts = readFileSync(accountsFile, 'utf8');
      expect(accounts).toContain(`partner ${active.code}:`);
      expect(accounts).not.toContain(`partner ${revoked.code}:`);
      expect(await runPartnersCli(['render', '--format', 'k8s-secret'], io)).toBe(0);
      const secret = parse(output.join('\n')) as {
        kind: string;
        stringData: Record<string, string>;
      };
      expect(secret.kind).toBe('Secret');
      expect(secret.stringData[ACCOUNTS_FILE_NAME]).toContain(`partner ${active.code}:`);
      expect(secret.stringData[ACCOUNTS_FILE_NAME]).toContain('SYS {');
      // A first installation renders before any directory exists; a wrong format is refused.
      output.length = 0;
      expect(await runPartnersCli(['render', '--without-partners'], io)).toBe(0);
      expect(output.join('\n')).toContain('user: "referrals"');
      expect(output.join('\n')).not.toContain('# partner ');
      expect(await runPartnersCli(['render', '--format', 'helm'], io)).toBe(2);

      // The committed compose nats.conf, its store moved, on a throw-away server.
      const configFile = join(dir, 'nats', 'nats.conf');
      writeFileSync(
        configFile,
        renderComposeNatsConfig().replace('store_dir: /data', `store_dir: ${join(dir, 'store')}`),
      );
      const passwords = Object.fromEntries(
        [...SERVICE_NAMES, OPERATOR_USER].map((user) => [passwordVariableOf(user), `${user}-pw`]),
      );
      const fresh = await ThrowawayNats.start({
        configFile,
        jetStreamInConfig: true,
        env: passwords,
      });
      try {
        const connect = (kit: PartnerKit) =>
          PartnerClient.connect({
            code: kit.code,
            servers: fresh.url,
            seed: kit.seed,
            privateJwk: kit.privateJwk,
            namespace: platform.namespace,
          });
        const client = await connect(active);
        await client.close();
        await expect(connect(revoked)).rejects.toThrow(/authorization/i);
      } finally {
        await fresh.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
