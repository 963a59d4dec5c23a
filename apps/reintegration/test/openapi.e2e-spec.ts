import type { TestService } from '@mrm/testing';
import { startReintegration } from './support/reintegration-test';

// The OpenAPI document must tell the truth that validation enforces: paths, path parameters,
// MAD amounts as patterned strings.
describe('reintegration OpenAPI document (e2e)', () => {
  let sut: TestService;
  let document: {
    paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }> }>>;
    components: {
      schemas: Record<string, { properties: Record<string, Record<string, unknown>> }>;
    };
  };

  beforeAll(async () => {
    sut = await startReintegration();
    document = (await sut.http.get('/api/openapi.json').expect(200)).body;
  });

  afterAll(async () => {
    await sut?.stop();
  });

  it('documents every route with its path parameters', () => {
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/plans',
        '/api/v1/plans/{id}/approve',
        '/api/v1/projects',
        '/api/v1/projects/{id}/tranches/{trancheId}/payment',
        '/api/v1/projects/{id}/milestones',
        '/api/v1/visits',
        '/api/v1/visits/{id}/record',
        '/api/v1/surveys',
        '/api/v1/surveys/rescore',
      ]),
    );
    const payment = document.paths['/api/v1/projects/{id}/tranches/{trancheId}/payment'].post;
    expect(payment.parameters?.filter((parameter) => parameter.in === 'path')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'id' }),
        expect.objectContaining({ name: 'trancheId' }),
      ]),
    );
  });

  it('states MAD amounts as strings with their decimal pattern', () => {
    const amount = document.components.schemas.BudgetLineRequestDto.properties.amount;

    expect(amount).toMatchObject({
      type: 'string',
      pattern: expect.stringContaining('[0-9]{1,2}'),
    });
  });
});
