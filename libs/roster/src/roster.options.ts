import type { Role } from '@mrm/auth';
import type { Producer } from '@mrm/contracts';

/** How a service uses the roster; given to `RosterModule.forService`. */
export interface RosterOptions {
  /** The service whose roster this is: it names the problem types and titles of roster errors. */
  readonly service: Producer;
  /** Roles that may read the roster over HTTP; `admin` always may. At least one. */
  readonly readRoles: readonly [Role, ...Role[]];
}

/** Injection token of the service's {@link RosterOptions}. */
export const ROSTER_OPTIONS = Symbol('ROSTER_OPTIONS');
