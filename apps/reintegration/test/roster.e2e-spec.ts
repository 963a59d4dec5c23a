import { aRegisteredEvent, bearer, TestService, waitFor } from '@mrm/testing';
import { ReintegrationConfig } from '../src/reintegration.config';
import { ReintegrationModule } from '../src/reintegration.module';
import { REINTEGRATION_OPENAPI } from '../src/reintegration.openapi';

// The roster's behaviour is tested in libs/roster; this proves reintegration wires it: its own
// migration, its consumer on the registration stream, its read roles.
describe('reintegration roster wiring (e2e)', () => {
  let sut: TestService;

  beforeAll(async () => {
    sut = await TestService.start({
      service: 'reintegration',
      configClass: ReintegrationConfig,
      rootModule: (config) => ReintegrationModule.forRoot(config),
      openApi: REINTEGRATION_OPENAPI,
    });
  });

  afterAll(async () => {
    await sut?.stop();
  });

  it('shows a beneficiary from the bus to a project officer, not a case worker', async () => {
    const event = aRegisteredEvent();
    const path = `/api/v1/roster/${event.data.beneficiaryId}`;

    await sut.publish(event);

    await waitFor(
      async () =>
        (await sut.http.get(path).set('Authorization', bearer('IOM', ['project-officer'])))
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
