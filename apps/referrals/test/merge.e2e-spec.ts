import {
  beneficiaryErasedV1,
  beneficiaryMergedV1,
  uuidv7,
  type EventEnvelope,
} from '@mrm/contracts';
import { waitFor, type TestService } from '@mrm/testing';
import { aPartnerWithService, coordinator, sql } from './support/directory.factory';
import {
  aConsent,
  aKnownBeneficiary,
  aReferralBody,
  referrer,
  startReferrals,
} from './support/referral.factory';

describe('referrals of a beneficiary merged into another follow the survivor (e2e)', () => {
  let sut: TestService;

  beforeAll(async () => {
    sut = await startReferrals();
  });

  afterAll(async () => {
    await sut?.stop();
  });

  // Publishes the event and waits until its delivery has committed.
  const deliver = async (event: EventEnvelope) => {
    await sut.publish(event);
    await waitFor(
      async () =>
        (await sql(sut, 'SELECT 1 FROM inbox_message WHERE message_id = $1', [event.id])).length ===
        1,
      { what: `the delivery of ${event.type}` },
    );
  };
  const merged = (duplicateId: string, survivorId: string) =>
    beneficiaryMergedV1.build(
      {
        beneficiaryId: survivorId,
        mergedBeneficiaryId: duplicateId,
        mergedAt: new Date().toISOString(),
      },
      { subject: survivorId, correlationId: uuidv7() },
    );

  it('re-points the referral once, with a history step, and the survivor’s erasure reaches its receiver', async () => {
    const duplicate = await aKnownBeneficiary(sut);
    const survivor = await aKnownBeneficiary(sut);
    const partner = await aPartnerWithService(sut);
    await aConsent(sut, { beneficiaryId: duplicate, recipients: [partner.code] });
    const referral = (
      await sut.http
        .post('/api/v1/referrals')
        .set('Authorization', referrer)
        .send(aReferralBody(duplicate, partner.serviceId))
        .expect(201)
    ).body as { id: string };

    // The same merge under two event ids (a replay): the second changes nothing.
    const merge = merged(duplicate, survivor);
    await deliver(merge);
    await deliver({ ...merge, id: uuidv7() });

    const read = await sut.http
      .get(`/api/v1/referrals/${referral.id}`)
      .set('Authorization', referrer)
      .expect(200);
    expect(read.body).toMatchObject({ beneficiaryId: survivor, status: 'requested', version: 2 });
    expect(read.headers.etag).toBe('"2"');
    const history = await sut.http
      .get(`/api/v1/referrals/${referral.id}/history`)
      .set('Authorization', referrer)
      .expect(200);
    const steps = (history.body as Array<{ action: string }>).map((step) => step.action);
    expect(steps.filter((action) => action === 'beneficiary-merged')).toHaveLength(1);
    const listed = await sut.http
      .get('/api/v1/referrals')
      .query({ direction: 'outgoing' })
      .set('Authorization', referrer)
      .expect(200);
    const ours = (listed.body.items as Array<{ id: string; beneficiaryId: string }>).find(
      (item) => item.id === referral.id,
    );
    expect(ours?.beneficiaryId).toBe(survivor);

    await deliver(
      beneficiaryErasedV1.build(
        { beneficiaryId: survivor, erasedAt: new Date().toISOString() },
        { subject: survivor, correlationId: uuidv7() },
      ),
    );
    const asked = await sut.http
      .get('/api/v1/erasure-requests')
      .query({ beneficiaryId: survivor })
      .set('Authorization', coordinator)
      .expect(200);
    expect(asked.body.map((row: { receivingOrg: string }) => row.receivingOrg)).toEqual([
      partner.code,
    ]);
  });

  it('leaves other people’s referrals alone when an unknown duplicate is merged', async () => {
    const someone = await aKnownBeneficiary(sut);
    const partner = await aPartnerWithService(sut);
    await aConsent(sut, { beneficiaryId: someone, recipients: [partner.code] });
    const referral = (
      await sut.http
        .post('/api/v1/referrals')
        .set('Authorization', referrer)
        .send(aReferralBody(someone, partner.serviceId))
        .expect(201)
    ).body as { id: string };

    await deliver(merged(uuidv7(), someone));

    const [row] = await sql<{ beneficiary_id: string; version: number }>(
      sut,
      'SELECT beneficiary_id, version FROM referral WHERE id = $1',
      [referral.id],
    );
    expect(row).toEqual({ beneficiary_id: someone, version: 1 });
  });
});
