import type { AddressInfo } from 'node:net';
import { ROLES } from '@mrm/auth';
import { bearer, TestService } from '@mrm/testing';
import { runPortmanFuzz, type FuzzExchange } from '../../tools/fuzz/portman-fuzz';
import { SERVICE_CATALOGUE } from '../../tools/openapi/service-catalogue';

// Issue 18's proof: Portman's fuzzing variations of every operation of every service's OpenAPI
// (required properties dropped, numbers past their bounds, strings past their lengths), sent
// over loopback with a token holding every role. Bad input is a problem+json 4xx, never a 5xx.
const MAX_REQUESTS_PER_SERVICE = 400;
// Newman sends one request at a time; on a loaded machine a service's run can pass a minute.
const RUN_TIMEOUT_MS = 180_000;
const TOKEN = bearer('IOM', [...ROLES]).slice('Bearer '.length);

const isProblem = (exchange: FuzzExchange) =>
  exchange.contentType?.split(';')[0].trim() === 'application/problem+json';

const statusCounts = (exchanges: FuzzExchange[]) =>
  exchanges.reduce<Record<string, number>>((counts, { status }) => {
    const key = status === undefined ? 'no answer' : String(status);
    return { ...counts, [key]: (counts[key] ?? 0) + 1 };
  }, {});

describe.each(SERVICE_CATALOGUE)('$service fuzzed from its OpenAPI (e2e)', (entry) => {
  let sut: TestService;
  let baseUrl: string;

  beforeAll(async () => {
    sut = await TestService.start(entry);
    await sut.app.listen(0, '127.0.0.1');
    const { port } = sut.app.getHttpServer().address() as AddressInfo;
    baseUrl = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    await sut?.stop();
  });

  it(
    'answers every fuzzed request below 500, every 4xx as problem+json',
    async () => {
      const { body: openApi } = await sut.http.get('/api/openapi.json').expect(200);
      const { generated, exchanges } = await runPortmanFuzz({
        openApi: openApi as object,
        baseUrl,
        bearerToken: TOKEN,
        maxRequests: MAX_REQUESTS_PER_SERVICE,
      });
      console.info(
        `${entry.service}: ${exchanges.length} of ${generated} generated requests sent, statuses ` +
          JSON.stringify(statusCounts(exchanges)),
      );

      expect(exchanges.length).toBe(Math.min(generated, MAX_REQUESTS_PER_SERVICE));
      expect(exchanges.some(({ name }) => name.includes('[Fuzz]'))).toBe(true);
      expect(exchanges.some(({ status }) => status === 400)).toBe(true);
      const faults = exchanges.filter(
        (exchange) =>
          exchange.status === undefined ||
          exchange.status >= 500 ||
          (exchange.status >= 400 && !isProblem(exchange)),
      );
      expect(faults).toEqual([]);
    },
    RUN_TIMEOUT_MS,
  );
});
