import { ServiceConfig } from '@mrm/runtime';

/** Referrals' environment: the shared keys for now. */
export class ReferralsConfig extends ServiceConfig {}
