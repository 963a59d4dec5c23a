import type { Producer } from '@mrm/contracts';
import { DomainError, type DomainErrorOptions } from '@mrm/errors';

export type RosterErrorCode = 'ROSTER_BENEFICIARY_NOT_FOUND' | 'ROSTER_BENEFICIARY_ERASED';

const ROSTER_ERRORS = {
  ROSTER_BENEFICIARY_NOT_FOUND: {
    status: 404,
    title: (service: Producer) => `Beneficiary not in the ${service} roster`,
  },
  ROSTER_BENEFICIARY_ERASED: {
    status: 422,
    title: (service: Producer) => `Beneficiary erased: the ${service} service no longer acts on it`,
  },
} satisfies Record<RosterErrorCode, { status: number; title: (service: Producer) => string }>;

/**
 * A roster failure. Each service's roster is its own: the problem `type`
 * (`…/<service>/roster-beneficiary-not-found`) and the title name the service.
 */
export class RosterError extends DomainError {
  constructor(
    readonly service: Producer,
    code: RosterErrorCode,
    options?: DomainErrorOptions,
  ) {
    super(code, ROSTER_ERRORS[code].status, ROSTER_ERRORS[code].title(service), options);
  }
}
