import type { AddressInfo } from 'node:net';
import { ManualClock, TestService } from '@mrm/testing';
import { ReferralsConfig } from '../../apps/referrals/src/referrals.config';
import { ReferralsModule } from '../../apps/referrals/src/referrals.module';
import { REFERRALS_OPENAPI } from '../../apps/referrals/src/referrals.openapi';
import { RegistrationConfig } from '../../apps/registration/src/registration.config';
import { RegistrationModule } from '../../apps/registration/src/registration.module';
import { REGISTRATION_OPENAPI } from '../../apps/registration/src/registration.openapi';
import { ReintegrationConfig } from '../../apps/reintegration/src/reintegration.config';
import { ReintegrationModule } from '../../apps/reintegration/src/reintegration.module';
import { REINTEGRATION_OPENAPI } from '../../apps/reintegration/src/reintegration.openapi';
import { ReportingConfig } from '../../apps/reporting/src/reporting.config';
import { ReportingModule } from '../../apps/reporting/src/reporting.module';
import { REPORTING_OPENAPI } from '../../apps/reporting/src/reporting.openapi';
import { TrainingConfig } from '../../apps/training/src/training.config';
import { TrainingModule } from '../../apps/training/src/training.module';
import { TRAINING_OPENAPI } from '../../apps/training/src/training.openapi';
import { DemoAlreadyRanError } from '../../tools/demo/demo-registration';
import { runDemo, runLateAnswers, type DemoOptions } from '../../tools/demo/demo-run';

jest.setTimeout(600_000);

// `npm run demo` at a reduced size against the five services, each listening on a real port as
// under `npm start`: every call goes through HTTP, and every one must succeed.
describe('npm run demo (e2e)', () => {
  // Ahead of the wall clock, so consents granted now are in force; moved on to pass deadlines.
  const clock = new ManualClock(new Date(Date.now() + 30 * 60_000));
  const services: TestService[] = [];
  let options: DemoOptions;

  beforeAll(async () => {
    const registration = await TestService.start({
      service: 'registration',
      configClass: RegistrationConfig,
      rootModule: (config) => RegistrationModule.forRoot(config),
      openApi: REGISTRATION_OPENAPI,
    });
    services.push(registration);
    services.push(
      await TestService.start({
        service: 'training',
        configClass: TrainingConfig,
        rootModule: (config) => TrainingModule.forRoot(config),
        openApi: TRAINING_OPENAPI,
        busOf: registration,
      }),
      await TestService.start({
        service: 'reintegration',
        configClass: ReintegrationConfig,
        rootModule: (config) => ReintegrationModule.forRoot(config),
        openApi: REINTEGRATION_OPENAPI,
        busOf: registration,
      }),
      await TestService.start({
        service: 'referrals',
        configClass: ReferralsConfig,
        rootModule: (config) => ReferralsModule.forRoot(config),
        openApi: REFERRALS_OPENAPI,
        busOf: registration,
        clock,
        env: {
          TIMER_SWEEP_INTERVAL_MS: '0',
          REFERRALS_DEADLINES: JSON.stringify({
            'legal-aid': { emergency: { acknowledgement: 1, answer: 1 } },
          }),
        },
      }),
      await TestService.start({
        service: 'reporting',
        configClass: ReportingConfig,
        rootModule: (config) => ReportingModule.forRoot(config),
        openApi: REPORTING_OPENAPI,
        busOf: registration,
      }),
    );
    const [reg, tra, rei, ref, rep] = await Promise.all(services.map(listen));
    const lines: string[] = [];
    options = {
      targets: {
        registration: reg,
        training: tra,
        reintegration: rei,
        referrals: ref,
        reporting: rep,
      },
      size: 24,
      seed: 7,
      programmeCode: 'DEMO-E2E',
      year: clock.now().getUTCFullYear() - 1,
      log: (line) => lines.push(line),
      now: () => clock.now(),
    };
  });

  afterAll(async () => {
    // The first service owns the namespace: stop it last.
    for (const service of [...services].reverse()) await service.stop();
  });

  it('fills the platform with every kind of record, every call succeeding', async () => {
    const summary = await runDemo(options);

    expect(summary.failedCalls).toBe(0);
    expect(summary.people).toBe(24);
    expect(summary.training.courses).toBe(6);
    expect(summary.training.enrolments).toBeGreaterThan(24);
    expect(summary.training.surveys).toBeGreaterThan(0);
    expect(summary.reintegration.plans).toBeGreaterThan(0);
    expect(summary.reintegration.projects).toBe(4);
    expect(summary.reintegration.milestones).toBeGreaterThan(3);
    expect(summary.reintegration.surveys).toBeGreaterThan(0);
    expect(summary.referrals.referrals).toBe(8);
    expect(
      summary.referrals.completed +
        summary.referrals.rejected +
        summary.referrals.inProgress +
        summary.referrals.unanswered +
        summary.referrals.awaitingLateAnswer,
    ).toBe(8);
    expect(Object.values(summary.calls).every((n) => n >= 0)).toBe(true);
    expect(summary.calls.registration).toBeGreaterThan(24);
  });

  it('refuses to run twice for the same programme, changing nothing', async () => {
    await expect(runDemo(options)).rejects.toBeInstanceOf(DemoAlreadyRanError);
  });

  it('answers the slow partner’s referrals once their deadline has passed', async () => {
    const before = await runLateAnswers(options);
    expect(before).toMatchObject({ answered: 0, failedCalls: 0 });

    clock.advance(2 * 3_600_000);
    const after = await runLateAnswers(options);

    expect(after).toMatchObject({ answered: before.waiting, waiting: 0, failedCalls: 0 });
  });
});

async function listen(service: TestService): Promise<string> {
  await service.app.listen(0, '127.0.0.1');
  const { port } = service.app.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}
