import { aBeneficiary } from './factories/beneficiary.factory';
import { auth, RegistrationTestApp } from './support/registration-test-app';

// The seam between beneficiaries/ and duplicates/: create runs the detector bound to
// DUPLICATE_DETECTOR before it writes; a probable duplicate answers 409 unless overridden.
describe('duplicate check at registration', () => {
  let sut: RegistrationTestApp;
  const iom = auth('IOM', ['case-worker']);
  const post = (body: Record<string, unknown>, authorization = iom) =>
    sut.http.post('/api/v1/beneficiaries').set('authorization', authorization).send(body);

  beforeAll(async () => {
    sut = await RegistrationTestApp.start('duplicate_hook');
  });

  afterAll(async () => {
    await sut?.stop();
  });

  it('answers 409 PROBABLE_DUPLICATE with id, reference and reasons of its own records only, and creates nothing', async () => {
    const document = { type: 'PASSPORT', number: 'PD1234567', issuingCountry: 'ML' };
    const theirs = aBeneficiary({
      lastName: 'Keita',
      phone: '+223 70 12 34 56',
      documents: [document],
    });
    const first = (await post(theirs).expect(201)).body;
    const before = await sut.footprint();

    const response = await post(aBeneficiary({ firstName: 'Awa', documents: [document] }));

    expect(response.status).toBe(409);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.code).toBe('PROBABLE_DUPLICATE');
    expect(response.body.candidates).toEqual([
      { id: first.id, reference: first.reference, reasons: expect.arrayContaining(['document']) },
    ]);
    expect(JSON.stringify(response.body)).not.toMatch(/Keita|70 ?12|PD1234567/);
    expect(await sut.footprint()).toEqual(before);
  });

  it('registers anyway with duplicateOverride.reason, and audits which candidates were overridden', async () => {
    const document = { type: 'CIN', number: 'OV445566', issuingCountry: 'MA' };
    const first = (await post(aBeneficiary({ documents: [document] })).expect(201)).body;

    const response = await post(
      aBeneficiary({
        documents: [document],
        duplicateOverride: { reason: 'Checked: a namesake with a reissued card' },
      }),
    );

    expect(response.status).toBe(201);
    const [entry] = await sut.query<{ details: unknown }>(
      `SELECT details FROM audit_entry WHERE $1 = ANY(resource_ids) AND action = 'create'`,
      [response.body.id],
    );
    expect(entry.details).toEqual({
      duplicateOverride: {
        reason: 'Checked: a namesake with a reissued card',
        candidateIds: [first.id],
      },
    });
  });
});
