import { Injectable } from '@nestjs/common';
import { canSeeAllPersonalFiles, type Principal } from '@mrm/auth';
import { RosterError, RosterService } from '@mrm/roster';
import { Clock } from '@mrm/timers';
import { PartnerServicesService } from '../partners/partner-services.service';
import { rankSuggestions, type Suggestion } from './suggestion-ranking';

/** Candidate services for a person and a need, ranked, each with why. */
@Injectable()
export class SuggestionsService {
  constructor(
    private readonly roster: RosterService,
    private readonly services: PartnerServicesService,
    private readonly clock: Clock,
  ) {}

  async suggest(input: {
    principal: Principal;
    beneficiaryId: string;
    serviceType: string;
  }): Promise<Suggestion[]> {
    const person = await this.roster.resolveActive(undefined, input.beneficiaryId);
    // Like the roster itself: another institution's person reads as unknown.
    if (person.ownerOrg !== input.principal.org && !canSeeAllPersonalFiles(input.principal)) {
      throw new RosterError('referrals', 'ROSTER_BENEFICIARY_NOT_FOUND');
    }
    return rankSuggestions({
      person,
      candidates: await this.services.candidates(input.serviceType),
      year: this.clock.now().getUTCFullYear(),
    });
  }
}
