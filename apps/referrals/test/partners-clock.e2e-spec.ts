import { ManualClock, type TestService } from '@mrm/testing';
import { aPartnerWithService, coordinator } from './support/directory.factory';
import { eventsOf, startReferrals } from './support/referral.factory';

const DAY = 86_400_000;

// A date far from the wall clock, so that a time taken from the system cannot pass for it.
describe('partner directory times follow the service clock (e2e)', () => {
  const registered = new Date('2031-05-12T09:30:00.000Z');
  const clock = new ManualClock(registered);
  let sut: TestService;

  beforeAll(async () => {
    sut = await startReferrals({ clock });
  });

  afterAll(async () => {
    await sut?.stop();
  });

  it('stamps a partner, its service and the partner events with the manual clock', async () => {
    const { partnerId, serviceId } = await aPartnerWithService(sut);
    const service = await sut.http
      .get(`/api/v1/services/${serviceId}`)
      .set('Authorization', coordinator)
      .expect(200);
    expect(service.body).toMatchObject({
      createdAt: registered.toISOString(),
      updatedAt: registered.toISOString(),
    });

    clock.advance(3 * DAY);
    const later = clock.now().toISOString();
    await sut.http
      .patch(`/api/v1/services/${serviceId}`)
      .set('Authorization', coordinator)
      .set('If-Match', `"${service.body.version}"`)
      .send({ name: 'Renamed service' })
      .expect(200);

    const partner = await sut.http
      .get(`/api/v1/partners/${partnerId}`)
      .set('Authorization', coordinator)
      .expect(200);
    expect(partner.body).toMatchObject({ createdAt: registered.toISOString(), updatedAt: later });
    const occurred = (await eventsOf(sut, partnerId)).map((event) => event.data.occurredAt);
    expect(occurred).toEqual([registered.toISOString(), registered.toISOString(), later]);
  });
});
