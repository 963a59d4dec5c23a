import { ServiceConfig } from '@mrm/runtime';

/** Reporting's environment: the shared keys. */
export class ReportingConfig extends ServiceConfig {}
