import { beneficiaryErasedV1, uuidv7 } from '@mrm/contracts';
import { waitFor, type TestService } from '@mrm/testing';
import { aPartnerWithService, coordinator, sql } from './support/directory.factory';
import {
  aConsent,
  aKnownBeneficiary,
  aReferralBody,
  eventsOf,
  officerOf,
  referrer,
  startReferrals,
} from './support/referral.factory';

describe('erasure propagated to the institutions that received the person (e2e)', () => {
  let sut: TestService;

  beforeAll(async () => {
    sut = await startReferrals();
  });

  afterAll(async () => {
    await sut?.stop();
  });

  const refer = async (beneficiaryId: string, serviceId: string, draft = false) =>
    (
      await sut.http
        .post('/api/v1/referrals')
        .set('Authorization', referrer)
        .send(aReferralBody(beneficiaryId, serviceId, { draft }))
        .expect(201)
    ).body as { id: string };
  // Publishes a new erasure event (another id: not a duplicate the inbox would skip) and waits
  // until its delivery has committed.
  const erase = async (beneficiaryId: string) => {
    const event = beneficiaryErasedV1.build(
      { beneficiaryId, erasedAt: new Date().toISOString() },
      { subject: beneficiaryId, correlationId: uuidv7() },
    );
    await sut.publish(event);
    await waitFor(
      async () =>
        (await sql(sut, 'SELECT 1 FROM inbox_message WHERE message_id = $1', [event.id])).length ===
        1,
      { what: 'the erasure delivery' },
    );
  };
  const requestsOf = (beneficiaryId: string, token: string, pending?: boolean) =>
    sut.http
      .get('/api/v1/erasure-requests')
      .query({ beneficiaryId, ...(pending === undefined ? {} : { pending: String(pending) }) })
      .set('Authorization', token)
      .expect(200);

  it('asks every receiving institution to erase, once, and tracks each acknowledgement', async () => {
    const beneficiaryId = await aKnownBeneficiary(sut);
    const [done, open, draftOnly] = await Promise.all([
      aPartnerWithService(sut),
      aPartnerWithService(sut),
      aPartnerWithService(sut),
    ]);
    await aConsent(sut, { beneficiaryId, recipients: [done.code, open.code, draftOnly.code] });
    const cancelled = await refer(beneficiaryId, done.serviceId);
    await sut.http
      .post(`/api/v1/referrals/${cancelled.id}/cancel`)
      .set('Authorization', referrer)
      .set('If-Match', '"1"')
      .expect(200);
    const pending = await refer(beneficiaryId, open.serviceId);
    await refer(beneficiaryId, draftOnly.serviceId, true);

    await erase(beneficiaryId);
    await erase(beneficiaryId);

    const asked = (await requestsOf(beneficiaryId, coordinator)).body;
    expect(asked.map((row: { receivingOrg: string }) => row.receivingOrg).sort()).toEqual(
      [done.code, open.code].sort(),
    );
    const events = await eventsOf(sut, beneficiaryId);
    expect(events.filter((event) => event.type === 'referral.erasure-requested.v1')).toHaveLength(
      2,
    );
    expect(events.find((event) => event.data.receivingOrg === open.code)?.data).toMatchObject({
      referralIds: [pending.id],
    });
    const closed = await sut.http
      .get(`/api/v1/referrals/${pending.id}`)
      .set('Authorization', referrer)
      .expect(200);
    expect(closed.body).toMatchObject({
      status: 'cancelled',
      businessStatus: 'beneficiary-erased',
    });

    const mine = (await requestsOf(beneficiaryId, officerOf(open.code))).body;
    expect(mine).toHaveLength(1);
    await sut.http
      .post(`/api/v1/erasure-requests/${mine[0].id}/acknowledgement`)
      .set('Authorization', officerOf(done.code))
      .expect(404);
    const acknowledged = await sut.http
      .post(`/api/v1/erasure-requests/${mine[0].id}/acknowledgement`)
      .set('Authorization', officerOf(open.code))
      .expect(200);
    await sut.http
      .post(`/api/v1/erasure-requests/${mine[0].id}/acknowledgement`)
      .set('Authorization', officerOf(open.code))
      .expect(409);

    expect(acknowledged.body.acknowledgedAt).toEqual(expect.any(String));
    const stillPending = (await requestsOf(beneficiaryId, coordinator, true)).body;
    expect(stillPending.map((row: { receivingOrg: string }) => row.receivingOrg)).toEqual([
      done.code,
    ]);
    const last = (await requestsOf(beneficiaryId, officerOf(done.code))).body;
    await sut.http
      .post(`/api/v1/erasure-requests/${last[0].id}/acknowledgement`)
      .set('Authorization', officerOf(done.code))
      .expect(200);
    const answers = (await eventsOf(sut, beneficiaryId))
      .filter((event) => event.type === 'referral.erasure-acknowledged.v1')
      .map((event) => event.data);
    expect(answers).toEqual([
      expect.objectContaining({
        erasureRequestId: mine[0].id,
        receivingOrg: open.code,
        stillPending: 1,
        allAcknowledged: false,
      }),
      expect.objectContaining({
        erasureRequestId: last[0].id,
        receivingOrg: done.code,
        stillPending: 0,
        allAcknowledged: true,
      }),
    ]);
    expect((await requestsOf(beneficiaryId, coordinator, true)).body).toEqual([]);
  });

  it('refuses a new referral of an erased person with 422', async () => {
    const beneficiaryId = await aKnownBeneficiary(sut);
    const partner = await aPartnerWithService(sut);
    await aConsent(sut, { beneficiaryId, recipients: [partner.code] });
    await erase(beneficiaryId);
    await waitFor(
      async () =>
        (
          await sql(
            sut,
            'SELECT 1 FROM roster_beneficiary WHERE beneficiary_id = $1 AND erased_at IS NOT NULL',
            [beneficiaryId],
          )
        ).length === 1,
    );

    const response = await sut.http
      .post('/api/v1/referrals')
      .set('Authorization', referrer)
      .send(aReferralBody(beneficiaryId, partner.serviceId))
      .expect(422);

    expect(response.body.code).toBe('ROSTER_BENEFICIARY_ERASED');
  });
});
