import { bearer, TestService } from '@mrm/testing';
import { startReporting } from './support/start-reporting';

// Margins and totals of counts and shares are summed from the cells: with no cell at all (no
// fact yet) every figure still has its total, 0 for a count and no value for a share.
describe('indicators with nothing projected (e2e)', () => {
  let sut: TestService;
  const coordinator = bearer('MINISTRY', ['coordinator']);

  beforeAll(async () => {
    sut = await startReporting();
  });
  afterAll(() => sut?.stop());

  it.each([
    ['beneficiaries-registered?groupBy=sex,region', 0],
    ['referrals?groupBy=serviceType', 0],
    ['training-completion-rate?groupBy=region,sex', null],
    ['people-trained?groupBy=courseKind', 0],
  ])('answers %s with its total and no groups', async (query, value) => {
    const response = await sut.http
      .get(`/api/v1/indicators/${query}`)
      .set('authorization', coordinator)
      .expect(200);
    expect([response.body.total.value, response.body.groups]).toEqual([value, []]);
  });
});
