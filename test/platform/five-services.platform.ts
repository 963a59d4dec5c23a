import { ManualClock, TestService } from '@mrm/testing';
import { TimerSweeper } from '@mrm/timers';
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

// Timers fire only when the scenario sweeps, after it has moved a clock: never on their own.
const SWEEP_ON_DEMAND = { TIMER_SWEEP_INTERVAL_MS: '0' };

/**
 * The five services on one bus, each with its own database. Reintegration and referrals read
 * time from manual clocks, so that visits fall overdue and deadlines pass without sleeping.
 */
export class FiveServices {
  private constructor(
    readonly registration: TestService,
    readonly training: TestService,
    readonly reintegration: TestService,
    readonly referrals: TestService,
    readonly reporting: TestService,
    readonly reintegrationClock: ManualClock,
    readonly referralsClock: ManualClock,
  ) {}

  static async start(): Promise<FiveServices> {
    const reintegrationClock = new ManualClock(new Date());
    // Ahead of the wall clock: consents registration grants now are in force when referring.
    const referralsClock = new ManualClock(new Date(Date.now() + 3_600_000));
    const registration = await TestService.start({
      service: 'registration',
      configClass: RegistrationConfig,
      rootModule: (config) => RegistrationModule.forRoot(config),
      openApi: REGISTRATION_OPENAPI,
    });
    const onTheBus = { busOf: registration };
    const [training, reintegration, referrals, reporting] = await Promise.all([
      TestService.start({
        service: 'training',
        configClass: TrainingConfig,
        rootModule: (config) => TrainingModule.forRoot(config),
        openApi: TRAINING_OPENAPI,
        ...onTheBus,
      }),
      TestService.start({
        service: 'reintegration',
        configClass: ReintegrationConfig,
        rootModule: (config) => ReintegrationModule.forRoot(config),
        openApi: REINTEGRATION_OPENAPI,
        clock: reintegrationClock,
        env: SWEEP_ON_DEMAND,
        ...onTheBus,
      }),
      TestService.start({
        service: 'referrals',
        configClass: ReferralsConfig,
        rootModule: (config) => ReferralsModule.forRoot(config),
        openApi: REFERRALS_OPENAPI,
        clock: referralsClock,
        env: SWEEP_ON_DEMAND,
        ...onTheBus,
      }),
      TestService.start({
        service: 'reporting',
        configClass: ReportingConfig,
        rootModule: (config) => ReportingModule.forRoot(config),
        openApi: REPORTING_OPENAPI,
        ...onTheBus,
      }),
    ]);
    return new FiveServices(
      registration,
      training,
      reintegration,
      referrals,
      reporting,
      reintegrationClock,
      referralsClock,
    );
  }

  /** Fires the durable timers due by the service's clock, as its sweep loop would. */
  static sweep(service: TestService): Promise<number> {
    return service.app.get(TimerSweeper).sweepOnce();
  }

  async stop(): Promise<void> {
    // Services on another's bus first; registration owns the namespace.
    await Promise.all(
      [this.training, this.reintegration, this.referrals, this.reporting].map((s) => s.stop()),
    );
    await this.registration.stop();
  }
}
