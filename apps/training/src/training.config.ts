import { ServiceConfig } from '@mrm/runtime';

/** Training's environment: the shared keys for now. */
export class TrainingConfig extends ServiceConfig {}
