import { aBeneficiary } from './factories/beneficiary.factory';
import { auth, RegistrationTestApp } from './support/registration-test-app';

describe('beneficiary search', () => {
  let sut: RegistrationTestApp;
  const iom = auth('IOM', ['case-worker']);
  const coospe = auth('COSPE', ['case-worker']);
  const coordinator = auth('MINISTRY', ['coordinator']);

  const register = async (overrides: Record<string, unknown> = {}, authorization = iom) =>
    (
      await sut.http
        .post('/api/v1/beneficiaries')
        .set('authorization', authorization)
        .send(aBeneficiary(overrides))
        .expect(201)
    ).body;
  // Identity filters go in the body of POST /search; the others stay in the list's query string.
  const search = async (query: string, authorization = iom) => {
    const params = Object.fromEntries(new URLSearchParams(query));
    const identity = ['phone', 'name', 'documentType', 'documentNumber'].some(
      (key) => key in params,
    );
    const body = { ...params, ...(params.limit ? { limit: Number(params.limit) } : {}) };
    const response = identity
      ? await sut.http
          .post('/api/v1/beneficiaries/search')
          .set('authorization', authorization)
          .send(body)
      : await sut.http.get(`/api/v1/beneficiaries?${query}`).set('authorization', authorization);
    expect(response.status).toBe(200);
    return response.body;
  };
  const idsOf = (page: { items: Array<{ id: string }> }) =>
    page.items.map((item) => item.id).sort();

  beforeAll(async () => {
    sut = await RegistrationTestApp.start('search');
  });

  afterAll(async () => {
    await sut?.stop();
  });

  it('finds a beneficiary by document type and number, whatever the formatting', async () => {
    const target = await register({
      documents: [{ type: 'PASSPORT', number: 'XA1234567', issuingCountry: 'SN' }],
    });
    await register({ documents: [{ type: 'CIN', number: 'XA1234567', issuingCountry: 'MA' }] });

    const exact = await search('documentType=PASSPORT&documentNumber=XA1234567');
    const formatted = await search('documentType=PASSPORT&documentNumber=xa-1234%20567');

    expect(idsOf(exact)).toEqual([target.id]);
    expect(idsOf(formatted)).toEqual([target.id]);
    expect(exact.items[0].names).toEqual(target.names);
  });

  it('finds a beneficiary by phone, written with or without spaces', async () => {
    const target = await register({ phone: '+212 661 23 45 67' });

    const found = await search(`phone=${encodeURIComponent('+212661234567')}`);

    expect(idsOf(found)).toEqual([target.id]);
  });

  it('finds names across spellings, scripts, articles and order', async () => {
    const mohamed = await register({
      firstName: 'Mohamed',
      lastName: 'El Amrani',
      nationality: 'MA',
    });
    // Another man of the same name: born years apart, so not a probable duplicate.
    const arabicOnly = await register({
      firstName: 'Mouhamad',
      lastName: 'Amrani',
      birthDate: '1978-02-11',
      firstNameAr: 'محمد',
      lastNameAr: 'العمراني',
    });
    const other = await register({ firstName: 'Mahmoud', lastName: 'Tazi' });

    const latin = await search(`name=${encodeURIComponent('Muhammad Elamrani')}`);
    const arabic = await search(`name=${encodeURIComponent('محمد العمراني')}`);
    const swapped = await search(`name=${encodeURIComponent('Amrani Mohammed')}`);
    const lastNameOnly = await search(`name=${encodeURIComponent('El-Amrani')}`);

    expect(idsOf(latin)).toEqual([mohamed.id, arabicOnly.id].sort());
    expect(idsOf(arabic)).toEqual([mohamed.id, arabicOnly.id].sort());
    expect(idsOf(swapped)).toEqual([mohamed.id, arabicOnly.id].sort());
    expect(idsOf(lastNameOnly)).toEqual([mohamed.id, arabicOnly.id].sort());
    expect(idsOf(latin)).not.toContain(other.id);
  });

  it('never shows another institution’s records to a case worker; a coordinator sees all', async () => {
    const theirs = await register(
      { documents: [{ type: 'CIN', number: 'ZZ998877', issuingCountry: 'MA' }] },
      coospe,
    );

    const byIom = await search('documentType=CIN&documentNumber=ZZ998877');
    const byCoordinator = await search('documentType=CIN&documentNumber=ZZ998877', coordinator);

    expect(byIom.items).toEqual([]);
    expect(byIom.elsewhere).toEqual({
      reason: 'registered-by-another-institution',
      reviewId: expect.any(String),
    });
    expect(JSON.stringify(byIom)).not.toContain(theirs.id);
    expect(JSON.stringify(byIom)).not.toContain(theirs.reference);
    expect(idsOf(byCoordinator)).toEqual([theirs.id]);
    expect(byCoordinator.elsewhere).toBeUndefined();
  });

  it('answers 410 to identity filters in the query string, and logs no value', async () => {
    const response = await sut.http
      .get(`/api/v1/beneficiaries?phone=${encodeURIComponent('+212661234567')}&name=Amrani`)
      .set('authorization', iom);

    expect(response.status).toBe(410);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.code).toBe('IDENTITY_SEARCH_MOVED');
    expect(response.body.instance).toBe('/api/v1/beneficiaries');
    expect(JSON.stringify(response.body)).not.toMatch(/661234567|Amrani/);
  });

  it('filters by programme, region, category and status', async () => {
    const wanted = await register({
      programmeCode: 'SHARAKA',
      regionCode: 'Souss-Massa',
      category: 'moroccan-abroad',
    });
    await register({ programmeCode: 'SHARAKA', regionCode: '09', category: 'returning-moroccan' });
    await register({ programmeCode: 'FORAS', regionCode: '09', category: 'moroccan-abroad' });
    const closed = await register({
      programmeCode: 'SHARAKA',
      regionCode: '09',
      category: 'moroccan-abroad',
    });
    await sut.http
      .post(`/api/v1/beneficiaries/${closed.id}/close`)
      .set('authorization', iom)
      .send({ reason: 'lost-contact' })
      .expect(200);

    const registered = await search(
      'programme=SHARAKA&region=09&category=moroccan-abroad&status=registered',
    );
    const closedOnes = await search(
      `programme=SHARAKA&region=${encodeURIComponent('Souss Massa')}&status=closed`,
    );

    expect(idsOf(registered)).toEqual([wanted.id]);
    expect(idsOf(closedOnes)).toEqual([closed.id]);
  });

  it('filters by registration period', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const created = await register({ programmeCode: 'PERIOD' });

    const inPeriod = await search(`programme=PERIOD&registeredFrom=${today}&registeredTo=${today}`);
    const before = await search('programme=PERIOD&registeredTo=2020-12-31');

    expect(idsOf(inPeriod)).toEqual([created.id]);
    expect(before.items).toEqual([]);
  });

  it('pages newest first with an opaque cursor, without gaps or repeats', async () => {
    const created: string[] = [];
    for (let index = 0; index < 7; index += 1) {
      created.push((await register({ programmeCode: 'PAGED' })).id);
    }

    const seen: Array<{ id: string; createdAt: string }> = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { items: Array<{ id: string; createdAt: string }>; nextCursor: string | null } =
        await search(`programme=PAGED&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map(({ id, createdAt }) => ({ id, createdAt })));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);

    expect(pages).toBe(3);
    expect(seen.map((item) => item.id).sort()).toEqual([...created].sort());
    const newestFirst = [...seen].sort((a, b) =>
      a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1,
    );
    expect(seen).toEqual(newestFirst);
  });

  it('audits every search with the ids it returned and the filter names, not their values', async () => {
    const target = await register({ phone: '+212 677 00 11 22' });

    await search(`phone=${encodeURIComponent('+212677001122')}`);

    const [entry] = await sut.query<{
      action: string;
      resource_ids: string[];
      details: unknown;
      actor_org: string;
    }>(
      `SELECT action, resource_ids, details, actor_org FROM audit_entry WHERE action = 'search' ORDER BY at DESC LIMIT 1`,
    );
    expect(entry).toEqual({
      action: 'search',
      resource_ids: [target.id],
      details: { filters: ['phone'] },
      actor_org: 'IOM',
    });
  });
});
