import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { autoAnswer, PartnerClient, type Delivery } from '@mrm/partner-sdk';
import { bearer, newNamespace, waitFor, type ThrowawayNats } from '@mrm/testing';
import type { JetStreamManager } from '@nats-io/jetstream';
import { compactDecrypt } from 'jose';
import { DataSource } from 'typeorm';
import { PartnerProvisioning } from '../../apps/referrals/src/partner-bus/partner-provisioning.service';
import {
  clearTextIn,
  importPrivate,
  storedMessages,
  type PartnerKit,
} from './support/partner-bus.support';
import { COORDINATOR, PartnerBusPlatform, REFERRER } from './partner-bus.platform';

// Registration and referrals, each with its own NATS user, on a nats-server started with the
// authorization that `npm run partners` renders from the directory; two partner systems connect
// with the SDK. Referrals travel encrypted, answers come back over the bus alone.
describe('the partner bus, end to end under the generated NATS authorization', () => {
  const namespace = newNamespace();
  let platform: PartnerBusPlatform;
  let names: PartnerBusPlatform['names'];
  let PARTNERS: string;
  let authorizationFile: string;
  let nats: ThrowawayNats;
  let registration: NestExpressApplication;
  let referrals: NestExpressApplication;
  let operator: JetStreamManager;
  let anapec: PartnerKit;
  let entraide: PartnerKit;

  const http = (app: NestExpressApplication) => platform.http(app);
  const storedPartnerMessages = () => platform.storedPartnerMessages();
  const partnerClient = (kit: PartnerKit) => platform.partnerClient(kit);
  const aPerson = (n: number) => platform.aPerson(n);
  const consentTo = (beneficiaryId: string, orgs: string[]) =>
    platform.consentTo(beneficiaryId, orgs);
  const refer = (beneficiaryId: string, serviceId: string) =>
    platform.refer(beneficiaryId, serviceId);
  const statusOf = (referralId: string) => platform.statusOf(referralId);

  beforeAll(async () => {
    platform = await PartnerBusPlatform.start({
      namespace,
      databaseLabel: 'pbus',
      referralsEnv: { PARTNER_RECEIPTS_INTERVAL_MS: '300' },
    });
    ({
      names,
      partnersStream: PARTNERS,
      authorizationFile,
      nats,
      registration,
      referrals,
      operator,
    } = platform);
    anapec = await platform.provision(`PBA${randomBytes(2).toString('hex').toUpperCase()}`);
    entraide = await platform.provision(`PBE${randomBytes(2).toString('hex').toUpperCase()}`);
  });

  afterAll(async () => {
    await platform?.close();
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

  it('redirects to another partner once: the first closed as redirected, the next requested', async () => {
    const { id } = await aPerson(11);
    await consentTo(id, [anapec.org, entraide.org]);
    const referralId = await refer(id, anapec.serviceId);
    const desk = await partnerClient(anapec);
    let answered: Delivery | undefined;
    for await (const delivery of desk.referrals()) {
      if (delivery.kind === 'referral' && delivery.referral.referralId === referralId) {
        await desk.received(delivery);
        await desk.redirect(delivery, entraide.serviceId, 'Closer to where the person lives');
        answered = delivery;
        break;
      }
      await delivery.ack();
    }
    await waitFor(async () => (await statusOf(referralId)) === 'rejected', {
      what: 'the redirected referral closed',
    });
    const first = await http(referrals)
      .get(`/api/v1/referrals/${referralId}`)
      .set('Authorization', REFERRER)
      .expect(200);
    expect(first.body).toMatchObject({ status: 'rejected', businessStatus: 'redirected' });
    const nextId = first.body.redirectedToId as string;
    const next = await http(referrals)
      .get(`/api/v1/referrals/${nextId}`)
      .set('Authorization', REFERRER)
      .expect(200);
    expect(next.body).toMatchObject({
      status: 'requested',
      receivingOrg: entraide.org,
      serviceId: entraide.serviceId,
      redirectedFromId: referralId,
      beneficiaryId: id,
    });

    // The same answer again is dropped; another redirect of a closed referral is refused.
    await desk.answer(answered!, 'redirected', { serviceId: entraide.serviceId }, { ack: false });
    const secondId = '0190f000-0000-7000-8000-00000000beef';
    await desk.publishAnswer({
      answer: 'redirected',
      id: secondId,
      subject: referralId,
      data: { referralId, serviceId: entraide.serviceId },
    });
    for await (const delivery of desk.referrals()) {
      await delivery.ack();
      if (delivery.kind === 'notice' && delivery.notice.refusedEventId === secondId) {
        expect(delivery.notice).toMatchObject({ reason: 'transition-not-allowed', referralId });
        break;
      }
    }
    const history = await http(referrals)
      .get(`/api/v1/referrals/${referralId}/history`)
      .set('Authorization', REFERRER)
      .expect(200);
    const actions = history.body.map((step: { action: string }) => step.action);
    expect(actions.filter((action: string) => action === 'redirect')).toHaveLength(1);
    expect(actions).toEqual(expect.arrayContaining(['acknowledge', 'redirect']));
    const linked: Array<{ n: string }> = await referrals
      .get(DataSource)
      .query('SELECT count(*) AS n FROM referral WHERE redirected_from_id = $1', [referralId]);
    expect(Number(linked[0].n)).toBe(1);

    // The other partner's system receives the new referral over the bus.
    const other = await partnerClient(entraide);
    for await (const delivery of other.referrals()) {
      await delivery.ack();
      if (delivery.kind === 'referral' && delivery.referral.referralId === nextId) {
        expect(delivery.referral).toMatchObject({
          status: 'requested',
          receivingOrg: entraide.org,
        });
        break;
      }
    }
    await Promise.all([desk.close(), other.close()]);
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
