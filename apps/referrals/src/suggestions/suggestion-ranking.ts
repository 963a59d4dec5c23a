import type { CandidateService } from '../partners/partner-services.service';

/** What ranking knows of the person: the roster's dimensions, no identity. */
export interface PersonDimensions {
  readonly category: string | null;
  readonly sex: string | null;
  readonly birthYear: number | null;
  readonly nationality: string | null;
  readonly regionCode: string | null;
  readonly languages: readonly string[] | null;
}

export const CRITERIA = ['eligibility', 'coverage', 'language', 'capacity'] as const;
export type Criterion = (typeof CRITERIA)[number];

/** One reason of a suggestion: whether the criterion is met (null when unknown) and why. */
export interface SuggestionReason {
  readonly criterion: Criterion;
  readonly met: boolean | null;
  readonly detail: string;
}

export interface Suggestion {
  readonly service: CandidateService;
  readonly score: number;
  readonly remainingCapacity: number | null;
  readonly reasons: SuggestionReason[];
}

// Eligibility outweighs everything else, then coverage of the region, language, capacity.
const WEIGHTS: Record<Criterion, number> = {
  eligibility: 8,
  coverage: 4,
  language: 2,
  capacity: 1,
};

/** Ranks candidate services for a person, best first; ties go to the most remaining capacity. */
export function rankSuggestions(input: {
  person: PersonDimensions;
  candidates: readonly CandidateService[];
  year: number;
}): Suggestion[] {
  return input.candidates
    .map((service) => suggestionFor(input.person, service, input.year))
    .sort((a, b) => b.score - a.score || (b.remainingCapacity ?? -1) - (a.remainingCapacity ?? -1));
}

function suggestionFor(person: PersonDimensions, service: CandidateService, year: number) {
  const remainingCapacity =
    service.placesPerMonth === null
      ? null
      : Math.max(0, service.placesPerMonth - service.currentLoad);
  const reasons: SuggestionReason[] = [
    eligibility(person, service, year),
    coverage(person, service),
    language(person, service),
    {
      criterion: 'capacity',
      met: remainingCapacity === null ? null : remainingCapacity > 0,
      detail:
        remainingCapacity === null
          ? 'capacity not stated'
          : `${remainingCapacity} of ${service.placesPerMonth} places left this month`,
    },
  ];
  const score = reasons.reduce(
    (sum, reason) => sum + (reason.met ? WEIGHTS[reason.criterion] : 0),
    0,
  );
  return { service, score, remainingCapacity, reasons };
}

function eligibility(person: PersonDimensions, service: CandidateService, year: number) {
  const age = person.birthYear === null ? null : year - person.birthYear;
  const misses = [
    listed(service.eligibleCategories, person.category) ? null : 'category',
    listed(service.eligibleSexes, person.sex) ? null : 'sex',
    listed(service.eligibleNationalities, person.nationality) ? null : 'nationality',
    age !== null && service.minAge !== null && age < service.minAge
      ? 'under the minimum age'
      : null,
    age !== null && service.maxAge !== null && age > service.maxAge ? 'over the maximum age' : null,
  ].filter((miss): miss is string => miss !== null);
  return {
    criterion: 'eligibility' as const,
    met: misses.length === 0,
    detail: misses.length === 0 ? 'eligible' : `not eligible: ${misses.join(', ')}`,
  };
}

function coverage(person: PersonDimensions, service: CandidateService): SuggestionReason {
  const met = person.regionCode === null ? null : service.regionCodes.includes(person.regionCode);
  const detail =
    met === null
      ? 'region of the person unknown'
      : `${met ? 'covers' : 'does not cover'} region ${person.regionCode}`;
  return { criterion: 'coverage', met, detail };
}

function language(person: PersonDimensions, service: CandidateService): SuggestionReason {
  if (!person.languages?.length || service.languages.length === 0) {
    return { criterion: 'language', met: null, detail: 'languages not known on both sides' };
  }
  const shared = person.languages.filter((code) => service.languages.includes(code));
  return {
    criterion: 'language',
    met: shared.length > 0,
    detail: shared.length > 0 ? `speaks ${shared.join(', ')}` : 'no shared language',
  };
}

// An empty list means the service is open to anyone; an unknown value does not exclude.
function listed(allowed: readonly string[], value: string | null): boolean {
  return allowed.length === 0 || value === null || allowed.includes(value);
}
