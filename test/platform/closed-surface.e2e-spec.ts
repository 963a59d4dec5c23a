import { TestService } from '@mrm/testing';
import { ReportingConfig } from '../../apps/reporting/src/reporting.config';
import { ReportingModule } from '../../apps/reporting/src/reporting.module';
import { REPORTING_OPENAPI } from '../../apps/reporting/src/reporting.openapi';

const METRICS_TOKEN = 'scraper-token-0123456789abcdef';

// A production deployment may keep its API map private and its metrics to the scraper.
describe('docs and metrics closed by configuration (e2e)', () => {
  let sut: TestService;

  beforeAll(async () => {
    sut = await TestService.start({
      service: 'reporting',
      configClass: ReportingConfig,
      rootModule: (config) => ReportingModule.forRoot(config),
      openApi: REPORTING_OPENAPI,
      env: { HTTP_API_DOCS: 'false', METRICS_TOKEN },
    });
  });

  afterAll(async () => {
    await sut?.stop();
  });

  it('serves neither Swagger UI nor the OpenAPI document', async () => {
    for (const path of ['/api/docs', '/api/openapi.json']) {
      const response = await sut.http.get(path).expect(404);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });

  it('answers the metrics to the scraper token only', async () => {
    await sut.http.get('/metrics').expect(401);
    await sut.http.get('/metrics').set('Authorization', 'Bearer not-the-token').expect(401);

    const response = await sut.http
      .get('/metrics')
      .set('Authorization', `Bearer ${METRICS_TOKEN}`)
      .expect(200);

    expect(response.text).toContain('mrm_process_cpu_seconds_total');
  });
});
