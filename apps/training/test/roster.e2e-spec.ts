import { aRegisteredEvent, bearer, TestService, waitFor } from '@mrm/testing';
import { TrainingConfig } from '../src/training.config';
import { TrainingModule } from '../src/training.module';
import { TRAINING_OPENAPI } from '../src/training.openapi';

// The roster's behaviour is tested in libs/roster; this proves training wires it: its own
// migration, its consumer on the registration stream, its read roles.
describe('training roster wiring (e2e)', () => {
  let sut: TestService;

  beforeAll(async () => {
    sut = await TestService.start({
      service: 'training',
      configClass: TrainingConfig,
      rootModule: (config) => TrainingModule.forRoot(config),
      openApi: TRAINING_OPENAPI,
    });
  });

  afterAll(async () => {
    await sut?.stop();
  });

  it('shows a beneficiary from the bus to a trainer, not a case worker', async () => {
    const event = aRegisteredEvent();
    const path = `/api/v1/roster/${event.data.beneficiaryId}`;

    await sut.publish(event);

    await waitFor(
      async () =>
        (await sut.http.get(path).set('Authorization', bearer('IOM', ['trainer']))).status === 200,
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
