import type { DynamicModule } from '@nestjs/common';
import type { Producer } from '@mrm/contracts';
import type { OpenApiInfo } from '@mrm/http';
import type { ServiceConfig } from '@mrm/runtime';
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

/** What it takes to boot a service or build its OpenAPI document. */
export interface ServiceEntry<C extends ServiceConfig = ServiceConfig> {
  readonly service: Producer;
  readonly configClass: new () => C;
  readonly rootModule: (config: C) => DynamicModule;
  readonly openApi: OpenApiInfo;
}

const entry = <C extends ServiceConfig>(value: ServiceEntry<C>) => value as unknown as ServiceEntry;

/** The five services, for the tools and tests that go over each one's HTTP contract. */
export const SERVICE_CATALOGUE: readonly ServiceEntry[] = [
  entry({
    service: 'registration',
    configClass: RegistrationConfig,
    rootModule: (config) => RegistrationModule.forRoot(config),
    openApi: REGISTRATION_OPENAPI,
  }),
  entry({
    service: 'training',
    configClass: TrainingConfig,
    rootModule: (config) => TrainingModule.forRoot(config),
    openApi: TRAINING_OPENAPI,
  }),
  entry({
    service: 'reintegration',
    configClass: ReintegrationConfig,
    rootModule: (config) => ReintegrationModule.forRoot(config),
    openApi: REINTEGRATION_OPENAPI,
  }),
  entry({
    service: 'referrals',
    configClass: ReferralsConfig,
    rootModule: (config) => ReferralsModule.forRoot(config),
    openApi: REFERRALS_OPENAPI,
  }),
  entry({
    service: 'reporting',
    configClass: ReportingConfig,
    rootModule: (config) => ReportingModule.forRoot(config),
    openApi: REPORTING_OPENAPI,
  }),
];
