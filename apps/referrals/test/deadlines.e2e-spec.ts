import { ManualClock, type TestService } from '@mrm/testing';
import { TimerSweeper } from '@mrm/timers';
import { aPartnerWithService, coordinator } from './support/directory.factory';
import {
  aConsent,
  aKnownBeneficiary,
  aReferralBody,
  eventsOf,
  officerOf,
  referrer,
  startReferrals,
} from './support/referral.factory';

const HOUR = 3_600_000;

// Two replicas on one database and one manual clock; timers are swept only when the test says,
// in batches small enough that a sweep of a dozen deadlines is shared between the replicas.
describe('referral deadlines (e2e)', () => {
  const clock = new ManualClock(new Date());
  let replicas: TestService[] = [];
  const sut = () => replicas[0];
  const sweepBoth = () =>
    Promise.all(replicas.map((replica) => replica.app.get(TimerSweeper).sweepOnce()));

  beforeAll(async () => {
    const env = { TIMER_BATCH_SIZE: '4' };
    const first = await startReferrals({ clock, env });
    replicas = [first, await startReferrals({ clock, env, shareWith: first })];
  });

  afterAll(async () => {
    await replicas[1]?.stop();
    await replicas[0]?.stop();
  });

  const anEmergencyReferral = async (partner?: Awaited<ReturnType<typeof aPartnerWithService>>) => {
    const beneficiaryId = await aKnownBeneficiary(sut());
    partner ??= await aPartnerWithService(sut());
    await aConsent(sut(), { beneficiaryId, recipients: [partner.code] });
    const { body } = await sut()
      .http.post('/api/v1/referrals')
      .set('Authorization', referrer)
      .send(aReferralBody(beneficiaryId, partner.serviceId, { priority: 'emergency' }))
      .expect(201);
    return { referral: body, receiver: officerOf(partner.code) };
  };
  const escalationList = async () =>
    (
      await sut()
        .http.get('/api/v1/referrals')
        .query({ escalated: 'true', limit: '100' })
        .set('Authorization', coordinator)
        .expect(200)
    ).body.items.map((item: { id: string }) => item.id);

  it('escalates an unanswered emergency referral once when the clock passes 24 h, with two replicas', async () => {
    const { referral, receiver } = await anEmergencyReferral();
    await sut()
      .http.post(`/api/v1/referrals/${referral.id}/acknowledge`)
      .set('Authorization', receiver)
      .set('If-Match', '"1"')
      .expect(200);

    clock.advance(23 * HOUR);
    await sweepBoth();
    expect(await escalationList()).not.toContain(referral.id);
    clock.advance(2 * HOUR);
    await sweepBoth();
    await sweepBoth();

    const events = await eventsOf(sut(), referral.id);
    const overdue = events.filter((event) => event.type === 'referral.overdue.v1');
    expect(overdue).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({ deadline: 'answer', dueAt: referral.answerDueAt }),
      }),
    ]);
    expect(events.filter((event) => event.type === 'referral.reminded.v1')).toHaveLength(1);
    expect(await escalationList()).toContain(referral.id);
    const read = await sut()
      .http.get(`/api/v1/referrals/${referral.id}`)
      .set('Authorization', referrer)
      .expect(200);
    expect(read.body.escalatedAt).toEqual(expect.any(String));
  });

  it('escalates a silent receiver at the acknowledgement deadline, and leaves an answered referral alone', async () => {
    const silent = await anEmergencyReferral();
    const answered = await anEmergencyReferral();
    await sut()
      .http.post(`/api/v1/referrals/${answered.referral.id}/acknowledge`)
      .set('Authorization', answered.receiver)
      .set('If-Match', '"1"')
      .expect(200);
    await sut()
      .http.post(`/api/v1/referrals/${answered.referral.id}/accept`)
      .set('Authorization', answered.receiver)
      .set('If-Match', '"2"')
      .expect(200);

    clock.advance(5 * HOUR);
    await sweepBoth();

    const silentEvents = await eventsOf(sut(), silent.referral.id);
    expect(silentEvents.filter((event) => event.type === 'referral.overdue.v1')).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ deadline: 'acknowledgement' }) }),
    ]);
    clock.advance(24 * HOUR);
    await sweepBoth();
    const answeredEvents = await eventsOf(sut(), answered.referral.id);
    expect(answeredEvents.map((event) => event.type)).not.toContain('referral.overdue.v1');
    expect(await escalationList()).not.toContain(answered.referral.id);
    const overdue = await sut()
      .http.get('/api/v1/referrals')
      .query({ overdue: 'true', limit: '100' })
      .set('Authorization', coordinator)
      .expect(200);
    expect(overdue.body.items.map((item: { id: string }) => item.id)).toContain(silent.referral.id);
  });

  it('escalates each of a dozen referrals missed at once exactly once, the sweep shared by two replicas', async () => {
    const partner = await aPartnerWithService(sut());
    const silent: Array<{ id: string }> = [];
    for (let i = 0; i < 12; i++) silent.push((await anEmergencyReferral(partner)).referral);
    const acknowledged = (await anEmergencyReferral(partner)).referral;
    await sut()
      .http.post(`/api/v1/referrals/${acknowledged.id}/acknowledge`)
      .set('Authorization', officerOf(partner.code))
      .set('If-Match', '"1"')
      .expect(200);

    clock.advance(5 * HOUR);
    const fired = await sweepBoth();
    await sweepBoth();

    expect(fired[0] + fired[1]).toBe(12);
    for (const referral of silent) {
      const types = (await eventsOf(sut(), referral.id)).map((event) => event.type);
      expect(types.filter((type) => type === 'referral.overdue.v1')).toHaveLength(1);
      expect(types.filter((type) => type === 'referral.reminded.v1')).toHaveLength(1);
      const read = await sut()
        .http.get(`/api/v1/referrals/${referral.id}`)
        .set('Authorization', referrer)
        .expect(200);
      expect(read.body).toMatchObject({ version: 2, escalatedAt: clock.now().toISOString() });
    }
    const events = await eventsOf(sut(), acknowledged.id);
    expect(events.map((event) => event.type)).not.toContain('referral.overdue.v1');
  });
});
