import type { TestService } from '@mrm/testing';
import { aPartnerWithService } from './support/directory.factory';
import { aKnownBeneficiary, officerOf, referrer, startReferrals } from './support/referral.factory';

describe('suggestions (e2e)', () => {
  let sut: TestService;

  beforeAll(async () => {
    sut = await startReferrals();
  });

  afterAll(async () => {
    await sut?.stop();
  });

  it('ranks the services of a type for a person, each with why', async () => {
    // The roster person: returning-moroccan, female, born 1991, MA, region 05, speaks ar and fr.
    const beneficiaryId = await aKnownBeneficiary(sut);
    const type = 'psychosocial-support';
    const near = await aPartnerWithService(sut, { type, languages: ['ar'], regionCodes: ['05'] });
    const far = await aPartnerWithService(sut, { type, languages: ['ar'], regionCodes: ['01'] });
    const closed = await aPartnerWithService(sut, {
      type,
      regionCodes: ['05'],
      eligibility: { categories: ['foreign-avrr'] },
    });
    await aPartnerWithService(sut, { type, active: false });

    const response = await sut.http
      .get('/api/v1/suggestions')
      .query({ beneficiaryId, serviceType: type })
      .set('Authorization', referrer)
      .expect(200);

    expect(response.body.map((s: { serviceId: string }) => s.serviceId)).toEqual([
      near.serviceId,
      far.serviceId,
      closed.serviceId,
    ]);
    expect(response.body[0]).toMatchObject({
      partnerCode: near.code,
      score: 15,
      remainingCapacity: 30,
    });
    expect(response.body[1].reasons).toContainEqual({
      criterion: 'coverage',
      met: false,
      detail: 'does not cover region 05',
    });
    expect(response.body[2].reasons[0]).toEqual({
      criterion: 'eligibility',
      met: false,
      detail: 'not eligible: category',
    });
  });

  it('answers 400 for an unknown service type and 404 for another institution’s person', async () => {
    const beneficiaryId = await aKnownBeneficiary(sut);

    await sut.http
      .get('/api/v1/suggestions')
      .query({ beneficiaryId, serviceType: 'plumbing' })
      .set('Authorization', referrer)
      .expect(400);
    await sut.http
      .get('/api/v1/suggestions')
      .query({ beneficiaryId, serviceType: 'health' })
      .set('Authorization', officerOf('OTHER-NGO'))
      .expect(404);
  });
});
