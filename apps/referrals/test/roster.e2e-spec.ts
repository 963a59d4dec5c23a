import { aRegisteredEvent, bearer, TestService, waitFor } from '@mrm/testing';
import { ReferralsConfig } from '../src/referrals.config';
import { ReferralsModule } from '../src/referrals.module';
import { REFERRALS_OPENAPI } from '../src/referrals.openapi';

// The roster's behaviour is tested in libs/roster; this proves referrals wires it: its own
// migration, its consumer on the registration stream, its read roles.
describe('referrals roster wiring (e2e)', () => {
  let sut: TestService;

  beforeAll(async () => {
    sut = await TestService.start({
      service: 'referrals',
      configClass: ReferralsConfig,
      rootModule: (config) => ReferralsModule.forRoot(config),
      openApi: REFERRALS_OPENAPI,
    });
  });

  afterAll(async () => {
    await sut?.stop();
  });

  it('shows a beneficiary from the bus to a referral officer, not a case worker', async () => {
    const event = aRegisteredEvent();
    const path = `/api/v1/roster/${event.data.beneficiaryId}`;

    await sut.publish(event);

    await waitFor(
      async () =>
        (await sut.http.get(path).set('Authorization', bearer('IOM', ['referral-officer'])))
          .status === 200,
      {
        what: 'the roster entry',
      },
    );
    await sut.http
      .get(path)
      .set('Authorization', bearer('IOM', ['case-worker']))
      .expect(403);
  });
});
