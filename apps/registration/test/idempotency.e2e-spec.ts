import { aBeneficiary } from './factories/beneficiary.factory';
import { auth, RegistrationTestApp } from './support/registration-test-app';

// Idempotency-Key on create (libs/http idempotency interceptor, responses sealed by data-protection/).
describe('idempotent registration', () => {
  let sut: RegistrationTestApp;
  const iomCaseWorker = auth('IOM', ['case-worker']);
  const anapecCaseWorker = auth('ANAPEC', ['case-worker']);

  beforeAll(async () => {
    sut = await RegistrationTestApp.start('idempotency');
  });

  afterAll(async () => {
    await sut?.stop();
  });

  it('creates one record for the same Idempotency-Key twice, and refuses the key with another body', async () => {
    const body = aBeneficiary();
    const before = await sut.count('beneficiary');

    const first = await sut.http
      .post('/api/v1/beneficiaries')
      .set('authorization', iomCaseWorker)
      .set('idempotency-key', 'key-1')
      .send(body);
    const second = await sut.http
      .post('/api/v1/beneficiaries')
      .set('authorization', iomCaseWorker)
      .set('idempotency-key', 'key-1')
      .send(body);
    const reused = await sut.http
      .post('/api/v1/beneficiaries')
      .set('authorization', iomCaseWorker)
      .set('idempotency-key', 'key-1')
      .send(aBeneficiary());

    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.headers.etag).toBe('"1"');
    expect(second.headers.location).toBe(first.headers.location);
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await sut.count('beneficiary')).toBe(before + 1);
  });

  it('creates one record when the same key arrives twice at once', async () => {
    const body = aBeneficiary();
    const before = await sut.count('beneficiary');
    const send = () =>
      sut.http
        .post('/api/v1/beneficiaries')
        .set('authorization', iomCaseWorker)
        .set('idempotency-key', 'race-1')
        .send(body);

    const responses = await Promise.all([send(), send(), send()]);

    expect(responses.every((response) => [201, 409].includes(response.status))).toBe(true);
    expect(responses.some((response) => response.status === 201)).toBe(true);
    expect(await sut.count('beneficiary')).toBe(before + 1);
  });

  it('releases the key of a refused request, so the corrected request can use it', async () => {
    const refused = await sut.http
      .post('/api/v1/beneficiaries')
      .set('authorization', iomCaseWorker)
      .set('idempotency-key', 'fix-1')
      .send(aBeneficiary({ phone: '+1' }));
    const corrected = await sut.http
      .post('/api/v1/beneficiaries')
      .set('authorization', iomCaseWorker)
      .set('idempotency-key', 'fix-1')
      .send(aBeneficiary());

    expect(refused.status).toBe(400);
    expect(corrected.status).toBe(201);
  });

  it('stores the replayable response encrypted, never in clear', async () => {
    const body = aBeneficiary({ lastName: 'Ouazzani' });
    await sut.http
      .post('/api/v1/beneficiaries')
      .set('authorization', iomCaseWorker)
      .set('idempotency-key', 'sealed-1')
      .send(body)
      .expect(201);

    const [row] = await sut.query<{ response_body: string; request_hash: string }>(
      `SELECT response_body, request_hash FROM idempotency_record WHERE key = 'sealed-1'`,
    );

    expect(row.response_body).toMatch(/^v1\.dev1\./);
    expect(JSON.stringify(row)).not.toMatch(/Ouazzani|Fatima/);
  });

  it('scopes Idempotency-Keys to the caller: another case worker with the same key creates its own record', async () => {
    const before = await sut.count('beneficiary');

    await sut.http
      .post('/api/v1/beneficiaries')
      .set('authorization', iomCaseWorker)
      .set('idempotency-key', 'shared')
      .send(aBeneficiary())
      .expect(201);
    await sut.http
      .post('/api/v1/beneficiaries')
      .set('authorization', anapecCaseWorker)
      .set('idempotency-key', 'shared')
      .send(aBeneficiary())
      .expect(201);

    expect(await sut.count('beneficiary')).toBe(before + 2);
  });
});
