import type { AddressInfo } from 'node:net';
import { ROLES } from '@mrm/auth';
import {
  bearer,
  hostilePathRequests,
  multipartRequests,
  OpenApiContract,
  tableCounts,
  TestService,
  withRequiredHeaders,
  wrongTypeRequests,
  type HostileRequest,
  type OpenApiDocument,
} from '@mrm/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { SERVICE_CATALOGUE } from '../../tools/openapi/service-catalogue';

// Issue 18's fuzz, past what Portman varies: every property of every JSON write operation set to
// a value of each JSON type, every path parameter set to hostile values, every multipart upload
// sent wrong. Over loopback, bounded. No answer is a 5xx, every 4xx is problem+json and changes
// no table, and a body the schema itself refuses is never accepted.
const MAX_REQUESTS_PER_SERVICE = 2500;
const RUN_TIMEOUT_MS = 300_000;
const AS_EVERY_ROLE = bearer('IOM', [...ROLES]);

interface Fault {
  readonly request: string;
  readonly status: number;
  readonly fault: string;
  readonly answer?: unknown;
}

const isProblem = (contentType: string | undefined) =>
  contentType?.split(';')[0].trim() === 'application/problem+json';

function send(baseUrl: string, hostile: HostileRequest) {
  // If-Match on every request, so that a body reaches the rules past the precondition check.
  const call = withRequiredHeaders(
    request(baseUrl)[hostile.method](hostile.path).set('If-Match', '"1"'),
    hostile.target,
  ).set('Authorization', AS_EVERY_ROLE);
  if (hostile.raw) {
    return call.set('Content-Type', hostile.raw.contentType).send(hostile.raw.payload);
  }
  return hostile.body === undefined ? call : call.send(hostile.body as object);
}

function faultsOf(
  request: HostileRequest,
  answer: { status: number; headers: Record<string, string>; body: unknown },
  changed: string[],
): Fault[] {
  const { status } = answer;
  const fault = (text: string): Fault => ({
    request: request.name,
    status,
    fault: text,
    answer: answer.body,
  });
  return [
    ...(status >= 500 ? [fault('a 5xx')] : []),
    ...(status >= 400 && status < 500 && !isProblem(answer.headers['content-type'])
      ? [fault('a 4xx that is not problem+json')]
      : []),
    ...(status >= 400 && status < 500 && changed.length > 0
      ? [fault(`a 4xx that changed ${changed.join(', ')}`)]
      : []),
    ...(request.mustRefuse && status < 400 ? [fault('accepted a body its schema refuses')] : []),
  ];
}

describe.each(SERVICE_CATALOGUE)('$service fuzzed with wrong types and paths (e2e)', (entry) => {
  let sut: TestService;
  let contract: OpenApiContract;
  let baseUrl: string;

  beforeAll(async () => {
    sut = await TestService.start(entry);
    await sut.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(sut.app.getHttpServer().address() as AddressInfo).port}`;
    const { body } = await sut.http.get('/api/openapi.json').expect(200);
    contract = new OpenApiContract(body as OpenApiDocument);
  });

  afterAll(async () => {
    await sut?.stop();
  });

  it(
    'answers every hostile request below 500, every 4xx as problem+json that changed nothing',
    async () => {
      const dataSource = sut.app.get(DataSource);
      const kinds = {
        wrongTypes: wrongTypeRequests(contract),
        hostilePaths: hostilePathRequests(contract),
        multipart: multipartRequests(contract),
      };
      const requests = Object.values(kinds).flat();
      const sent = requests.slice(0, MAX_REQUESTS_PER_SERVICE);
      const faults: Fault[] = [];
      const statuses: Record<string, number> = {};
      let before = await tableCounts(dataSource);
      for (const hostile of sent) {
        const answer = await send(baseUrl, hostile);
        const after = await tableCounts(dataSource);
        const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
        faults.push(...faultsOf(hostile, answer, changed));
        statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
        before = after;
      }
      console.info(
        `${entry.service}: ${sent.length} of ${requests.length} hostile requests sent ` +
          `(${Object.entries(kinds)
            .map(([kind, list]) => `${kind} ${list.length}`)
            .join(', ')}), ` +
          `statuses ${JSON.stringify(statuses)}`,
      );

      expect(sent.length).toBeGreaterThan(0);
      expect(Object.keys(statuses).some((status) => status.startsWith('4'))).toBe(true);
      expect(faults).toEqual([]);
    },
    RUN_TIMEOUT_MS,
  );
});
