import { HTTP_LOGGER } from '@mrm/runtime';
import { waitFor } from '@mrm/testing';
import { symbols } from 'pino';
import type { HttpLogger } from 'pino-http';
import { aBeneficiary } from './factories/beneficiary.factory';
import { auth, RegistrationTestApp } from './support/registration-test-app';

// Every class of bad input answers 4xx problem+json naming the fields, and changes nothing.
describe('beneficiary input validation', () => {
  let sut: RegistrationTestApp;
  const caseWorker = auth('IOM', ['case-worker']);
  const nextYear = new Date().getUTCFullYear() + 1;

  beforeAll(async () => {
    sut = await RegistrationTestApp.start('validation');
  });

  afterAll(async () => {
    await sut?.stop();
  });

  const fieldsOf = (body: { errors?: Array<{ field: string }> }) =>
    [...new Set((body.errors ?? []).map((error) => error.field))].sort();

  it.each([
    [
      'missing fields',
      { firstName: undefined, sex: undefined, nationality: undefined },
      ['firstName', 'nationality', 'sex'],
    ],
    ['an unknown field', { favouriteColour: 'blue' }, ['favouriteColour']],
    [
      'wrong types',
      { birthYear: 'nineteen', birthDate: undefined, languages: 'ar', skills: [1] },
      ['birthYear', 'languages', 'skills'],
    ],
    ['an impossible date', { birthDate: '2023-02-30' }, ['birthDate']],
    ['a future date', { birthDate: `${nextYear}-01-01` }, ['birthDate']],
    ['a future birth year', { birthDate: undefined, birthYear: nextYear }, ['birthYear']],
    ['both a birth date and a birth year', { birthYear: 1990 }, ['birthYear']],
    ['neither a birth date nor a birth year', { birthDate: undefined }, ['birthYear']],
    ['a bad phone', { phone: '+2126123' }, ['phone']],
    ['a phone outside E.164', { phone: '0612345678' }, ['phone']],
    ['an unknown region', { regionCode: 'Atlantis' }, ['regionCode']],
    ['region 13', { regionCode: '13' }, ['regionCode']],
    [
      'an unknown country and language',
      { nationality: 'XX', languages: ['ar', 'zz'] },
      ['languages', 'nationality'],
    ],
    [
      'a bad document',
      { documents: [{ type: 'DRIVING', number: '??', issuingCountry: 'MA' }] },
      ['documents.0.number', 'documents.0.type'],
    ],
    ['an unknown vulnerability', { vulnerabilities: ['homeless'] }, ['vulnerabilities']],
    ['an Arabic name field in Latin script', { firstNameAr: 'Fatima' }, ['firstNameAr']],
    ['a name with digits', { lastName: 'Ben4li' }, ['lastName']],
  ])('answers 400 listing the fields for %s', async (_case, overrides, fields) => {
    const before = await sut.footprint();

    const response = await sut.http
      .post('/api/v1/beneficiaries')
      .set('authorization', caseWorker)
      .send(aBeneficiary(overrides));

    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(fieldsOf(response.body)).toEqual(fields);
    expect(await sut.footprint()).toEqual(before);
  });

  it('answers 413 to an oversized body', async () => {
    const before = await sut.footprint();

    const response = await sut.http
      .post('/api/v1/beneficiaries')
      .set('authorization', caseWorker)
      .send(aBeneficiary({ skills: ['x'.repeat(300_000)] }));

    expect(response.status).toBe(413);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await sut.footprint()).toEqual(before);
  });

  it('answers 400 to malformed JSON', async () => {
    const before = await sut.footprint();

    const response = await sut.http
      .post('/api/v1/beneficiaries')
      .set('authorization', caseWorker)
      .set('content-type', 'application/json')
      .send('{"firstName": "Fatima",');

    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.code).toBe('MALFORMED_JSON');
    expect(await sut.footprint()).toEqual(before);
  });

  it('writes one access-log line per request, also for a body the parser refuses', async () => {
    // The lines the service writes to its log destination while this test runs.
    const logger = sut.app.get<HttpLogger>(HTTP_LOGGER).logger;
    const destination = (logger as unknown as Record<symbol, { write(line: string): boolean }>)[
      symbols.streamSym
    ];
    const write = jest.spyOn(destination, 'write');
    // Tests run silent; the production default is info.
    const level = logger.level;
    logger.level = 'info';
    const accessLinesOf = (correlationId: string) =>
      write.mock.calls
        .map(
          ([line]) => JSON.parse(line) as { req?: { id?: string }; res?: { statusCode?: number } },
        )
        .filter((entry) => entry.req?.id === correlationId && entry.res);
    try {
      const malformed = await sut.http
        .post('/api/v1/beneficiaries')
        .set('authorization', caseWorker)
        .set('content-type', 'application/json')
        .set('x-correlation-id', 'malformed-body-1')
        .send('{"firstName": ');
      const created = await sut.http
        .post('/api/v1/beneficiaries')
        .set('authorization', caseWorker)
        .set('x-correlation-id', 'valid-body-1')
        .send(aBeneficiary());

      expect([malformed.status, created.status]).toEqual([400, 201]);
      // The line is written when the response has finished, which may follow the client's read.
      await waitFor(() => accessLinesOf('valid-body-1').length > 0, {
        what: 'the 201 logged',
        timeoutMs: 3000,
      });
      await waitFor(() => accessLinesOf('malformed-body-1').length > 0, {
        what: 'the 400 logged',
        timeoutMs: 3000,
      });
      expect(accessLinesOf('malformed-body-1').map((entry) => entry.res?.statusCode)).toEqual([
        400,
      ]);
      expect(accessLinesOf('valid-body-1').map((entry) => entry.res?.statusCode)).toEqual([201]);
      // Bodies hold personal data: never logged, not even a refused one.
      expect(write.mock.calls.join('\n')).not.toContain('firstName');
    } finally {
      logger.level = level;
      write.mockRestore();
    }
  });

  it('answers 400 listing the fields of a bad PATCH, and changes nothing', async () => {
    const created = (
      await sut.http
        .post('/api/v1/beneficiaries')
        .set('authorization', caseWorker)
        .send(aBeneficiary())
        .expect(201)
    ).body;
    const before = await sut.footprint();

    const response = await sut.http
      .patch(`/api/v1/beneficiaries/${created.id}`)
      .set('authorization', caseWorker)
      .set('if-match', '"1"')
      .send({ phone: '+1', regionCode: 'nowhere', owner: 'ANAPEC' });

    expect(response.status).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['owner', 'phone', 'regionCode']);
    expect(await sut.footprint()).toEqual(before);
  });

  it.each([
    ['a bad limit', 'limit=500', ['limit']],
    ['a forged cursor', 'cursor=bm90LWEtY3Vyc29y', ['cursor']],
    ['an unknown filter', 'colour=blue', ['colour']],
    ['an unknown region', 'region=Atlantis', ['region']],
  ])('answers 400 to a list with %s', async (_case, query, fields) => {
    const response = await sut.http
      .get(`/api/v1/beneficiaries?${query}`)
      .set('authorization', caseWorker);

    expect(response.status).toBe(400);
    expect(fieldsOf(response.body)).toEqual(fields);
  });

  it.each([
    ['a document number without its type', { documentNumber: 'AB123' }, ['documentType']],
    ['a bad phone', { phone: 'call me' }, ['phone']],
    ['an unknown filter', { colour: 'blue' }, ['colour']],
    ['a bad limit', { limit: 500 }, ['limit']],
  ])('answers 400 to an identity search with %s', async (_case, body, fields) => {
    const response = await sut.http
      .post('/api/v1/beneficiaries/search')
      .set('authorization', caseWorker)
      .send(body);

    expect(response.status).toBe(400);
    expect(fieldsOf(response.body)).toEqual(fields);
  });

  it('answers 400 to a malformed Idempotency-Key, and to a malformed id', async () => {
    const key = await sut.http
      .post('/api/v1/beneficiaries')
      .set('authorization', caseWorker)
      .set('idempotency-key', 'has spaces')
      .send(aBeneficiary());
    const id = await sut.http
      .get('/api/v1/beneficiaries/not-a-uuid')
      .set('authorization', caseWorker);

    expect(key.status).toBe(400);
    expect(key.body.code).toBe('IDEMPOTENCY_KEY_INVALID');
    expect(id.status).toBe(400);
    expect(fieldsOf(id.body)).toEqual(['id']);
  });
});
