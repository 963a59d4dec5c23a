import { ManualClock, type TestService } from '@mrm/testing';
import { TimerSweeper } from '@mrm/timers';
import { aPartnerWithService, sql } from './support/directory.factory';
import {
  aConsent,
  aKnownBeneficiary,
  aReferralBody,
  eventsOf,
  officerOf,
  referrer,
  startReferrals,
  withdrawConsent,
} from './support/referral.factory';

const DAY = 86_400_000;

describe('referrals suspended when their consent goes (e2e)', () => {
  const clock = new ManualClock(new Date());
  let sut: TestService;

  beforeAll(async () => {
    sut = await startReferrals({ clock });
  });

  afterAll(async () => {
    await sut?.stop();
  });

  const send = async (beneficiaryId: string, serviceId: string) =>
    (
      await sut.http
        .post('/api/v1/referrals')
        .set('Authorization', referrer)
        .send(aReferralBody(beneficiaryId, serviceId))
        .expect(201)
    ).body as { id: string; version: number };
  const act = (id: string, action: string, token: string, version: number, body: object = {}) =>
    sut.http
      .post(`/api/v1/referrals/${id}/${action}`)
      .set('Authorization', token)
      .set('If-Match', `"${version}"`)
      .send(body);
  const read = async (id: string) =>
    (await sut.http.get(`/api/v1/referrals/${id}`).set('Authorization', referrer).expect(200)).body;

  it('puts the open referrals of a withdrawn consent on hold and tells both ends, closed ones stay', async () => {
    const beneficiaryId = await aKnownBeneficiary(sut);
    const partner = await aPartnerWithService(sut);
    const receiver = officerOf(partner.code);
    const consentId = await aConsent(sut, { beneficiaryId, recipients: [partner.code] });
    const waiting = await send(beneficiaryId, partner.serviceId);
    const accepted = await send(beneficiaryId, partner.serviceId);
    await act(accepted.id, 'acknowledge', receiver, 1).expect(200);
    await act(accepted.id, 'accept', receiver, 2).expect(200);
    const cancelled = await send(beneficiaryId, partner.serviceId);
    await act(cancelled.id, 'cancel', referrer, 1).expect(200);

    await withdrawConsent(sut, { beneficiaryId, consentId });

    for (const id of [waiting.id, accepted.id]) {
      expect(await read(id)).toMatchObject({ status: 'on-hold', holdReason: 'consent-withdrawn' });
      expect((await eventsOf(sut, id)).at(-1)).toMatchObject({
        type: 'referral.suspended.v1',
        data: {
          consentId,
          cause: 'consent-withdrawn',
          referringOrg: 'IOM',
          receivingOrg: partner.code,
        },
      });
    }
    expect((await read(cancelled.id)).status).toBe('cancelled');
    const timers = await sql(
      sut,
      'SELECT 1 FROM scheduled_timer WHERE key = $1 AND fired_at IS NULL',
      [waiting.id],
    );
    expect(timers).toEqual([]);
    const refused = await act(accepted.id, 'start', receiver, 4).expect(409);
    expect(refused.body.code).toBe('REFERRAL_TRANSITION_NOT_ALLOWED');
    await act(accepted.id, 'cancel', referrer, 4).expect(200);
  });

  it('refuses a new referral under the withdrawn consent', async () => {
    const beneficiaryId = await aKnownBeneficiary(sut);
    const partner = await aPartnerWithService(sut);
    const consentId = await aConsent(sut, { beneficiaryId, recipients: [partner.code] });
    await withdrawConsent(sut, { beneficiaryId, consentId });

    const response = await sut.http
      .post('/api/v1/referrals')
      .set('Authorization', referrer)
      .send(aReferralBody(beneficiaryId, partner.serviceId))
      .expect(422);

    expect(response.body.code).toBe('CONSENT_REQUIRED');
  });

  it('suspends the open referrals of a consent when it expires', async () => {
    const beneficiaryId = await aKnownBeneficiary(sut);
    const partner = await aPartnerWithService(sut);
    const expiresAt = new Date(clock.now().getTime() + 30 * DAY);
    await aConsent(sut, { beneficiaryId, recipients: [partner.code], expiresAt });
    const referral = await send(beneficiaryId, partner.serviceId);
    const receiver = officerOf(partner.code);
    await act(referral.id, 'acknowledge', receiver, 1).expect(200);
    await act(referral.id, 'accept', receiver, 2).expect(200);

    clock.advance(29 * DAY);
    await sut.app.get(TimerSweeper).sweepOnce();
    expect((await read(referral.id)).status).toBe('accepted');
    clock.advance(2 * DAY);
    await sut.app.get(TimerSweeper).sweepOnce();

    expect(await read(referral.id)).toMatchObject({
      status: 'on-hold',
      holdReason: 'consent-expired',
    });
  });
});
