import { TestService } from '@mrm/testing';
import { ReportingConfig } from '../../src/reporting.config';
import { ReportingModule } from '../../src/reporting.module';
import { REPORTING_OPENAPI } from '../../src/reporting.openapi';

/** Reporting on its own database and NATS namespace, as every reporting e2e file starts it. */
export function startReporting(env?: Record<string, string>): Promise<TestService> {
  return TestService.start({
    service: 'reporting',
    configClass: ReportingConfig,
    rootModule: (config) => ReportingModule.forRoot(config),
    openApi: REPORTING_OPENAPI,
    env,
  });
}
