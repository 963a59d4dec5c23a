import { ServiceConfig } from '@mrm/runtime';

/** Registration's environment: the shared keys for now; issue #3 adds encryption keys. */
export class RegistrationConfig extends ServiceConfig {}
