import { randomUUID } from 'node:crypto';
import {
  aRegisteredEvent,
  bearer,
  expectDeclared,
  OpenApiContract,
  TestService,
  waitFor,
  type OpenApiDocument,
} from '@mrm/testing';
import { aBeneficiary } from '../../apps/registration/test/factories/beneficiary.factory';
import { SERVICE_CATALOGUE } from '../../tools/openapi/service-catalogue';

// Real answers of the main operations, checked with ajv against the schema the service declares
// for that operation and status (success and problem+json answers alike).
const AS_ADMIN = bearer('IOM', ['admin']);

const entryOf = (service: string) => {
  const entry = SERVICE_CATALOGUE.find((candidate) => candidate.service === service);
  if (!entry) throw new Error(`${service} is not in the service catalogue`);
  return entry;
};

async function startWithContract(service: string) {
  const sut = await TestService.start(entryOf(service));
  const { body } = await sut.http.get('/api/openapi.json').expect(200);
  return { sut, contract: new OpenApiContract(body as OpenApiDocument) };
}

describe('registration answers (e2e)', () => {
  let sut: TestService;
  let contract: OpenApiContract;
  const http = () => sut.http;

  beforeAll(async () => {
    ({ sut, contract } = await startWithContract('registration'));
  });

  afterAll(async () => {
    await sut?.stop();
  });

  const register = async () => {
    const response = await http()
      .post('/api/v1/beneficiaries')
      .set('Authorization', AS_ADMIN)
      .send(aBeneficiary({ address: { province: 'Khénifra' }, languages: ['ar', 'fr'] }));
    expect(response.status).toBe(201);
    return expectDeclared<{ id: string }>(contract, 'POST /api/v1/beneficiaries', response);
  };

  it('matches for a beneficiary created, read, listed, updated, closed and erased', async () => {
    const { id } = await register();
    const one = `/api/v1/beneficiaries/${id}`;
    const read = await http().get(one).set('Authorization', AS_ADMIN).expect(200);
    expectDeclared(contract, 'GET /api/v1/beneficiaries/{id}', read);
    const list = await http().get('/api/v1/beneficiaries').set('Authorization', AS_ADMIN);
    expectDeclared(contract, 'GET /api/v1/beneficiaries', list, 200);
    const patched = await http()
      .patch(one)
      .set('Authorization', AS_ADMIN)
      .set('If-Match', read.headers.etag)
      .send({ phone: '+212612345678', programmeCode: null });
    expectDeclared(contract, 'PATCH /api/v1/beneficiaries/{id}', patched, 200);
    for (const [verb, body] of [
      ['activate', undefined],
      ['close', { reason: 'reintegrated' }],
      ['erasure', { reason: 'Request of the person, ticket 2026-7' }],
    ] as const) {
      const answer = await http().post(`${one}/${verb}`).set('Authorization', AS_ADMIN).send(body);
      expectDeclared(contract, `POST /api/v1/beneficiaries/{id}/${verb}`, answer, 200);
    }
    const erased = await http().get(one).set('Authorization', AS_ADMIN).expect(200);
    expect(expectDeclared(contract, 'GET /api/v1/beneficiaries/{id}', erased).names).toBeNull();
  });

  it('matches for programmes and enrolments', async () => {
    const created = await http()
      .post('/api/v1/programmes')
      .set('Authorization', AS_ADMIN)
      .send({
        code: `CT-${randomUUID().slice(0, 8).toUpperCase()}`,
        name: 'Contract programme',
        donor: 'EU',
        implementingOrg: 'IOM',
        startsOn: '2018-01-01',
        targetCategories: ['returning-moroccan'],
      });
    const programme = expectDeclared<{ id: string }>(
      contract,
      'POST /api/v1/programmes',
      created,
      201,
    );
    const get = await http()
      .get(`/api/v1/programmes/${programme.id}`)
      .set('Authorization', AS_ADMIN);
    expectDeclared(contract, 'GET /api/v1/programmes/{id}', get, 200);
    const list = await http().get('/api/v1/programmes').set('Authorization', AS_ADMIN);
    expectDeclared(contract, 'GET /api/v1/programmes', list, 200);

    const { id } = await register();
    const enrolments = `/api/v1/beneficiaries/${id}/enrolments`;
    const enrolled = await http()
      .post(enrolments)
      .set('Authorization', AS_ADMIN)
      .send({ programmeId: programme.id, enteredOn: '2019-03-04' });
    const enrolment = expectDeclared<{ id: string }>(
      contract,
      'POST /api/v1/beneficiaries/{id}/enrolments',
      enrolled,
      201,
    );
    const listed = await http().get(enrolments).set('Authorization', AS_ADMIN);
    expectDeclared(contract, 'GET /api/v1/beneficiaries/{id}/enrolments', listed, 200);
    const exited = await http()
      .post(`${enrolments}/${enrolment.id}/exit`)
      .set('Authorization', AS_ADMIN)
      .send({ exitedOn: '2019-11-29', reason: 'completed' });
    expectDeclared(
      contract,
      'POST /api/v1/beneficiaries/{id}/enrolments/{enrolmentId}/exit',
      exited,
      200,
    );
  });

  it('matches for consents, the audit log and the duplicate queue', async () => {
    const { id } = await register();
    const consents = `/api/v1/beneficiaries/${id}/consents`;
    const granted = await http()
      .post(consents)
      .set('Authorization', AS_ADMIN)
      .send({
        purposes: ['registration'],
        recipients: ['IOM'],
        dataCategories: ['identity'],
        noticeVersion: '2025-03',
      });
    const consent = expectDeclared<{ id: string }>(
      contract,
      'POST /api/v1/beneficiaries/{id}/consents',
      granted,
      201,
    );
    const listed = await http().get(consents).set('Authorization', AS_ADMIN);
    expectDeclared(contract, 'GET /api/v1/beneficiaries/{id}/consents', listed, 200);
    const withdrawn = await http()
      .post(`${consents}/${consent.id}/withdrawal`)
      .set('Authorization', AS_ADMIN)
      .send({ reason: 'The person withdrew it' });
    expectDeclared(
      contract,
      'POST /api/v1/beneficiaries/{id}/consents/{consentId}/withdrawal',
      withdrawn,
      200,
    );
    const audit = await http().get('/api/v1/audit-entries').set('Authorization', AS_ADMIN);
    expect(
      expectDeclared<{ items: unknown[] }>(contract, 'GET /api/v1/audit-entries', audit, 200).items
        .length,
    ).toBeGreaterThan(0);
    const duplicates = await http().get('/api/v1/duplicates').set('Authorization', AS_ADMIN);
    expectDeclared(contract, 'GET /api/v1/duplicates', duplicates, 200);
  });

  it('matches for the problem answers 400, 401, 403, 404, 409, 412 and 428', async () => {
    const { id } = await register();
    const one = `/api/v1/beneficiaries/${id}`;
    const caseWorker = bearer('IOM', ['case-worker']);
    const answers = [
      await http().get('/api/v1/beneficiaries/not-a-uuid').set('Authorization', AS_ADMIN),
      await http().get(one),
      await http().get('/api/v1/audit-entries').set('Authorization', caseWorker),
      await http().get(`/api/v1/beneficiaries/${randomUUID()}`).set('Authorization', AS_ADMIN),
      await http().patch(one).set('Authorization', AS_ADMIN).send({ sex: 'male' }),
      await http().patch(one).set('Authorization', AS_ADMIN).set('If-Match', '"99"').send({}),
      await http().post(`${one}/reopen`).set('Authorization', AS_ADMIN),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([400, 401, 403, 404, 428, 412, 409]);
    const operations = [
      'GET /api/v1/beneficiaries/{id}',
      'GET /api/v1/beneficiaries/{id}',
      'GET /api/v1/audit-entries',
      'GET /api/v1/beneficiaries/{id}',
      'PATCH /api/v1/beneficiaries/{id}',
      'PATCH /api/v1/beneficiaries/{id}',
      'POST /api/v1/beneficiaries/{id}/reopen',
    ] as const;
    answers.forEach((answer, index) => {
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
      expectDeclared(contract, operations[index], answer);
    });
  });
});

describe('training roster answers (e2e)', () => {
  let sut: TestService;
  let contract: OpenApiContract;

  beforeAll(async () => {
    ({ sut, contract } = await startWithContract('training'));
  });

  afterAll(async () => {
    await sut?.stop();
  });

  it('matches for a roster entry and an unknown one', async () => {
    const event = aRegisteredEvent();
    await sut.publish(event);
    const path = `/api/v1/roster/${event.data.beneficiaryId}`;
    await waitFor(
      async () => (await sut.http.get(path).set('Authorization', AS_ADMIN)).status === 200,
      { what: 'the roster entry' },
    );
    const found = await sut.http.get(path).set('Authorization', AS_ADMIN);
    expectDeclared(contract, 'GET /api/v1/roster/{beneficiaryId}', found, 200);
    const unknown = await sut.http
      .get(`/api/v1/roster/${randomUUID()}`)
      .set('Authorization', AS_ADMIN);
    expectDeclared(contract, 'GET /api/v1/roster/{beneficiaryId}', unknown, 404);
  });
});

describe('reporting indicator answers (e2e)', () => {
  let sut: TestService;
  let contract: OpenApiContract;

  beforeAll(async () => {
    ({ sut, contract } = await startWithContract('reporting'));
  });

  afterAll(async () => {
    await sut?.stop();
  });

  it('matches for the beneficiary indicators, grouped and refused', async () => {
    await sut.publish(aRegisteredEvent());
    const path = '/api/v1/indicators/beneficiaries';
    await waitFor(
      async () =>
        (await sut.http.get(path).query({ groupBy: 'region' }).set('Authorization', AS_ADMIN)).body
          ?.total === 1,
      { what: 'the projected registration' },
    );
    const grouped = await sut.http
      .get(path)
      .query({ groupBy: 'region' })
      .set('Authorization', AS_ADMIN);
    expectDeclared(contract, 'GET /api/v1/indicators/beneficiaries', grouped, 200);
    const refused = await sut.http
      .get(path)
      .query({ groupBy: 'shoe-size' })
      .set('Authorization', AS_ADMIN);
    expectDeclared(contract, 'GET /api/v1/indicators/beneficiaries', refused, 400);
  });
});
