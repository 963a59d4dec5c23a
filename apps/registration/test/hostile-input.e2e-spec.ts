import { createHmac } from 'node:crypto';
import { connect as connectTcp } from 'node:net';
import type { AddressInfo } from 'node:net';
import { DEV_JWT_SECRET } from '@mrm/auth';
import { aBeneficiary } from './factories/beneficiary.factory';
import { auth, RegistrationTestApp } from './support/registration-test-app';

const CASE_WORKER = auth('IOM', ['case-worker']);

// Requests a fuzzer sent that answered 500 or a bare Node error: each must be a 4xx problem+json
// that changes nothing.
describe('hostile requests (e2e)', () => {
  let sut: RegistrationTestApp;
  let port: number;

  const rawExchange = (request: string) =>
    new Promise<string>((resolve, reject) => {
      const socket = connectTcp(port, '127.0.0.1', () => socket.write(request));
      let answer = '';
      socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
      socket.on('end', () => resolve(answer));
      socket.on('error', reject);
      socket.setTimeout(5000, () => socket.destroy(new Error('no answer')));
    });
  const problemOf = (raw: string) => ({
    status: Number(raw.slice(9, 12)),
    contentType: /content-type: ([^\r]+)/i.exec(raw)?.[1],
    body: JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)) as Record<string, unknown>,
  });

  beforeAll(async () => {
    sut = await RegistrationTestApp.start('hostile');
    await sut.app.listen(0, '127.0.0.1');
    port = (sut.app.getHttpServer().address() as AddressInfo).port;
  });

  afterAll(async () => {
    await sut?.stop();
  });

  it('answers 401 to a well-signed token whose payload is not JSON', async () => {
    const header = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url');
    const unsigned = `${header}.${Buffer.from('not json').toString('base64url')}`;
    const signature = createHmac('sha256', DEV_JWT_SECRET).update(unsigned).digest('base64url');

    const response = await sut.http
      .get('/api/v1/beneficiaries')
      .set('Authorization', `Bearer ${unsigned}.${signature}`)
      .expect(401);

    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.code).toBe('AUTH_TOKEN_INVALID');
  });

  it.each(['gzip', 'deflate', 'br'])(
    'answers 400 to a body declared %s that is not, and registers nobody',
    async (encoding) => {
      const before = await sut.footprint();

      const response = await sut.http
        .post('/api/v1/beneficiaries')
        .set('Authorization', CASE_WORKER)
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', encoding)
        .send(JSON.stringify(aBeneficiary()))
        .expect(400);

      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.code).toBe('MALFORMED_BODY');
      expect(await sut.footprint()).toEqual(before);
    },
  );

  it('answers 400 to a deeply nested body of 20 KB, naming the field', async () => {
    const depth = 5000;
    const body = `{"firstName":${'['.repeat(depth)}${']'.repeat(depth)}}`;

    const response = await sut.http
      .post('/api/v1/beneficiaries')
      .set('Authorization', CASE_WORKER)
      .set('Content-Type', 'application/json')
      .set('Idempotency-Key', 'deep-body-1')
      .send(body)
      .expect(400);

    expect(response.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ field: expect.stringMatching(/^firstName/), message: expect.any(String) }],
    });
  });

  it('answers 400 to a NUL character in a text field and registers nobody', async () => {
    const before = await sut.footprint();

    const response = await sut.http
      .post('/api/v1/beneficiaries')
      .set('Authorization', CASE_WORKER)
      .send(aBeneficiary({ firstName: 'Fati\u0000ma' }))
      .expect(400);

    expect(response.body.errors).toEqual([
      { field: 'firstName', message: 'firstName contains a NUL character' },
    ]);
    expect(await sut.footprint()).toEqual(before);
  });

  it('answers 400 to a null birth date without a birth year, and registers nobody', async () => {
    const before = await sut.footprint();
    const body = aBeneficiary({ birthDate: null });
    delete body.birthYear;

    const response = await sut.http
      .post('/api/v1/beneficiaries')
      .set('Authorization', CASE_WORKER)
      .send(body)
      .expect(400);

    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(await sut.footprint()).toEqual(before);
  });

  it('answers 400 to a NUL character in a query filter', async () => {
    const response = await sut.http
      .get('/api/v1/beneficiaries?region=0%005')
      .set('Authorization', CASE_WORKER)
      .expect(400);

    expect(response.body.errors).toEqual([
      { field: 'region', message: 'region contains a NUL character' },
    ]);
  });

  it('answers 400 to an edited cursor holding an impossible instant', async () => {
    const cursor = Buffer.from(
      JSON.stringify(['2026-02-30T10:00:00Z', '0190c0de-0000-7000-8000-000000000001']),
    ).toString('base64url');

    const response = await sut.http
      .get(`/api/v1/beneficiaries?cursor=${cursor}`)
      .set('Authorization', CASE_WORKER)
      .expect(400);

    expect(response.body.errors).toEqual([{ field: 'cursor', message: expect.any(String) }]);
  });

  it.each(['registeredFrom=2026-02-30', 'registeredTo=2025-04-31'])(
    'answers 400 to an impossible date in %s',
    async (filter) => {
      const response = await sut.http
        .get(`/api/v1/beneficiaries?${filter}`)
        .set('Authorization', CASE_WORKER)
        .expect(400);

      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.errors).toEqual([
        { field: filter.split('=')[0], message: expect.any(String) },
      ]);
    },
  );

  it.each([
    ['documents', [[{ type: 'PASSPORT', number: 'AB123456', issuingCountry: 'SN' }]]],
    [
      'links',
      [
        [
          {
            beneficiaryId: '0190c0de-0000-7000-8000-000000000001',
            relation: 'spouse',
          },
        ],
      ],
    ],
    ['documents', ['AB123456']],
  ])(
    'answers 400 to an array where an object belongs in %s, and registers nobody',
    async (field, value) => {
      const before = await sut.footprint();

      const response = await sut.http
        .post('/api/v1/beneficiaries')
        .set('Authorization', CASE_WORKER)
        .send({ ...aBeneficiary(), [field]: value })
        .expect(400);

      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.errors).toContainEqual({
        field,
        message: `each value in ${field} must be an object`,
      });
      expect(await sut.footprint()).toEqual(before);
    },
  );

  it.each([
    ['address', [{ commune: 'Oujda' }]],
    ['duplicateOverride', [{ reason: 'Checked with the person: a namesake' }]],
  ])(
    'answers 400 to an array in place of the object %s, and registers nobody',
    async (field, value) => {
      const before = await sut.footprint();

      const response = await sut.http
        .post('/api/v1/beneficiaries')
        .set('Authorization', CASE_WORKER)
        .send({ ...aBeneficiary(), [field]: value })
        .expect(400);

      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.errors).toContainEqual({
        field,
        message: `${field} must be an object`,
      });
      expect(await sut.footprint()).toEqual(before);
    },
  );

  it('answers problem+json when Node refuses a request that is not HTTP', async () => {
    const problem = problemOf(await rawExchange('GARBAGE / HTTP/1.1\r\n\r\n'));

    expect(problem).toMatchObject({
      status: 400,
      contentType: 'application/problem+json',
      body: { code: 'MALFORMED_REQUEST', status: 400 },
    });
  });

  it('answers 431 problem+json to headers larger than Node accepts', async () => {
    const problem = problemOf(
      await rawExchange(
        `GET /health/live HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      ),
    );

    expect(problem).toMatchObject({
      status: 431,
      contentType: 'application/problem+json',
      body: { code: 'HEADERS_TOO_LARGE' },
    });
  });

  it('answers 417 problem+json to an Expect header it cannot meet', async () => {
    const problem = problemOf(
      await rawExchange(
        'POST /api/v1/beneficiaries HTTP/1.1\r\nHost: x\r\nExpect: 200-ok\r\nConnection: close\r\n\r\n',
      ),
    );

    expect(problem).toMatchObject({
      status: 417,
      contentType: 'application/problem+json',
      body: { code: 'EXPECTATION_FAILED' },
    });
  });
});
