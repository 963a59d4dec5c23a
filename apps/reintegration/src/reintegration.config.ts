import { ServiceConfig } from '@mrm/runtime';

/** Reintegration's environment: the shared keys for now. */
export class ReintegrationConfig extends ServiceConfig {}
