import {
  bearer,
  concretePath,
  generateBodies,
  jsonWriteOperations,
  OpenApiContract,
  seedOf,
  TestService,
  withRequiredHeaders,
  type ContractOperation,
  type OpenApiDocument,
} from '@mrm/testing';
import { SERVICE_CATALOGUE } from '../../tools/openapi/service-catalogue';

// A truthful contract: a body generated from an operation's published request schema is never
// refused for a rule the schema did not state. Business answers (404, 409, 422, a domain 400)
// are fine; a 400 VALIDATION_FAILED (the ValidationPipe's) or a 5xx is not. Every JSON write
// operation of every service is covered, as the service serves its document; multipart ones
// (the beneficiary import upload) take a file, not a body a schema can generate.
const BODIES_PER_OPERATION = 20;
const AS_ADMIN = bearer('IOM', ['admin']);

interface Refusal {
  readonly operation: string;
  readonly status: number;
  readonly body: unknown;
  readonly answer: unknown;
}

async function sendGenerated(
  sut: TestService,
  contract: OpenApiContract,
  target: ContractOperation,
): Promise<{ sent: number; refusals: Refusal[] }> {
  const schema = contract.requestSchema(target.operation) ?? {};
  const name = `${target.method.toUpperCase()} ${target.path}`;
  const { bodies } = generateBodies({
    schema,
    count: BODIES_PER_OPERATION,
    seed: seedOf(name),
    isValid: (body) => contract.isValid(schema, body),
  });
  expect({ operation: name, generated: bodies.length }).toEqual({
    operation: name,
    generated: BODIES_PER_OPERATION,
  });
  const refusals: Refusal[] = [];
  for (const generated of bodies) {
    // A cursor is a token the server issued ("the nextCursor of the previous page"): not invented.
    const { cursor: _cursor, ...body } = generated as Record<string, unknown>;
    const request = sut.http[target.method](concretePath(contract, target));
    const answer = await withRequiredHeaders(request, target)
      .set('Authorization', AS_ADMIN)
      .send(body);
    const invalid = answer.status === 400 && answer.body?.code === 'VALIDATION_FAILED';
    if (invalid || answer.status >= 500) {
      refusals.push({ operation: name, status: answer.status, body, answer: answer.body });
    }
  }
  return { sent: bodies.length, refusals };
}

describe.each(SERVICE_CATALOGUE)('$service request schemas (e2e)', (entry) => {
  let sut: TestService;
  let contract: OpenApiContract;

  beforeAll(async () => {
    sut = await TestService.start(entry);
    const { body } = await sut.http.get('/api/openapi.json').expect(200);
    contract = new OpenApiContract(body as OpenApiDocument);
  });

  afterAll(async () => {
    await sut?.stop();
  });

  it('accepts every body generated from a write operation’s schema', async () => {
    const refusals: Refusal[] = [];
    for (const operation of jsonWriteOperations(contract)) {
      refusals.push(...(await sendGenerated(sut, contract, operation)).refusals);
    }
    expect(refusals).toEqual([]);
  });

  it('declares every path parameter of every operation', () => {
    const undeclared = contract.operations().flatMap(({ method, path, operation }) =>
      [...path.matchAll(/\{(\w+)\}/g)]
        .map(([, name]) => name)
        .filter((name) => !operation.parameters?.some((p) => p.in === 'path' && p.name === name))
        .map((name) => `${method.toUpperCase()} ${path}: ${name}`),
    );
    expect(undeclared).toEqual([]);
    expect(Object.keys(contract.document.paths).filter((path) => path.includes(':'))).toEqual([]);
  });
});
