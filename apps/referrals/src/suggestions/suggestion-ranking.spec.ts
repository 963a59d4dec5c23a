import type { CandidateService } from '../partners/partner-services.service';
import { rankSuggestions, type PersonDimensions } from './suggestion-ranking';

const person: PersonDimensions = {
  category: 'returning-moroccan',
  sex: 'female',
  birthYear: 1990,
  nationality: 'MA',
  regionCode: '05',
  languages: ['ar'],
};

const aService = (id: string, overrides: Partial<CandidateService> = {}): CandidateService => ({
  serviceId: id,
  serviceName: id,
  serviceType: 'employment',
  partnerId: `p-${id}`,
  partnerCode: `P-${id.toUpperCase()}`,
  partnerName: id,
  regionCodes: ['05'],
  eligibleCategories: [],
  eligibleSexes: [],
  minAge: null,
  maxAge: null,
  eligibleNationalities: [],
  languages: ['ar'],
  placesPerMonth: 10,
  currentLoad: 0,
  ...overrides,
});

describe('rankSuggestions', () => {
  it('puts an eligible service before one that covers the region but excludes the person', () => {
    const sut = rankSuggestions({
      person,
      year: 2026,
      candidates: [
        aService('too-young-only', { maxAge: 25 }),
        aService('far', { regionCodes: ['01'] }),
      ],
    });

    expect(sut.map((s) => s.service.serviceId)).toEqual(['far', 'too-young-only']);
    expect(sut[1].reasons[0]).toEqual({
      criterion: 'eligibility',
      met: false,
      detail: 'not eligible: over the maximum age',
    });
    expect(sut[0].reasons[1]).toMatchObject({ criterion: 'coverage', met: false });
  });

  it('prefers a shared language, then the most places left', () => {
    const sut = rankSuggestions({
      person,
      year: 2026,
      candidates: [
        aService('french', { languages: ['fr'] }),
        aService('full', { currentLoad: 10 }),
        aService('roomy', { placesPerMonth: 50, currentLoad: 5 }),
        aService('tight', { placesPerMonth: 3, currentLoad: 2 }),
      ],
    });

    expect(sut.map((s) => s.service.serviceId)).toEqual(['roomy', 'tight', 'full', 'french']);
    expect(sut[0].remainingCapacity).toBe(45);
    expect(sut[2].reasons[3]).toEqual({
      criterion: 'capacity',
      met: false,
      detail: '0 of 10 places left this month',
    });
  });
});
