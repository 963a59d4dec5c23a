import { aBeneficiary } from './factories/beneficiary.factory';
import { auth, RegistrationTestApp } from './support/registration-test-app';

describe('beneficiaries API', () => {
  let sut: RegistrationTestApp;
  const iomCaseWorker = auth('IOM', ['case-worker']);
  const anapecCaseWorker = auth('ANAPEC', ['case-worker']);
  const coordinator = auth('MINISTRY', ['coordinator']);
  const analyst = auth('MINISTRY', ['analyst']);

  const register = async (body = aBeneficiary(), authorization = iomCaseWorker) =>
    (
      await sut.http
        .post('/api/v1/beneficiaries')
        .set('authorization', authorization)
        .send(body)
        .expect(201)
    ).body;

  beforeAll(async () => {
    sut = await RegistrationTestApp.start('beneficiaries');
  });

  afterAll(async () => {
    await sut?.stop();
  });

  it('registers a beneficiary with its identity, owned by the token institution', async () => {
    const body = aBeneficiary({
      firstNameAr: 'فاطمة الزهراء',
      lastNameAr: 'بنعلي',
      languages: ['ar', 'fr'],
      address: { line: '12 rue Tarik', province: 'Khénifra', commune: 'Mrirt' },
      regionCode: 'Béni-Mellal Khenifra',
      vulnerabilities: ['single-parent'],
      educationLevel: 'upper-secondary',
      skills: ['sewing'],
      occupations: ['tailor'],
      returnCountry: 'IT',
    });

    const response = await sut.http
      .post('/api/v1/beneficiaries')
      .set('authorization', iomCaseWorker)
      .send(body);

    expect(response.status).toBe(201);
    expect(response.headers.etag).toBe('"1"');
    expect(response.headers.location).toBe(`/api/v1/beneficiaries/${response.body.id}`);
    expect(response.body).toMatchObject({
      reference: expect.stringMatching(/^MA-\d{4}-\d{6}$/),
      ownerOrg: 'IOM',
      status: 'registered',
      regionCode: '05',
      birthYear: 1990,
      birthYearEstimated: false,
      names: {
        firstName: 'Fatima Zahra',
        lastName: body.lastName,
        firstNameAr: 'فاطمة الزهراء',
        lastNameAr: 'بنعلي',
      },
      phone: body.phone,
      address: { line: '12 rue Tarik', province: 'Khénifra', commune: 'Mrirt' },
      documents: body.documents,
      vulnerabilities: ['single-parent'],
      languages: ['ar', 'fr'],
      version: 1,
    });
  });

  it('accepts an estimated birth year instead of a date', async () => {
    const body = aBeneficiary({ birthDate: undefined, birthYear: 1984 });

    const created = await register(body);

    expect(created).toMatchObject({ birthDate: null, birthYear: 1984, birthYearEstimated: true });
  });

  it('reads a record with its ETag, and hides it from another institution (404)', async () => {
    const created = await register();

    const own = await sut.http
      .get(`/api/v1/beneficiaries/${created.id}`)
      .set('authorization', iomCaseWorker);
    const other = await sut.http
      .get(`/api/v1/beneficiaries/${created.id}`)
      .set('authorization', anapecCaseWorker);
    const national = await sut.http
      .get(`/api/v1/beneficiaries/${created.id}`)
      .set('authorization', coordinator);

    expect(own.status).toBe(200);
    expect(own.headers.etag).toBe('"1"');
    expect(own.body.names.lastName).toBe(created.names.lastName);
    expect(other.status).toBe(404);
    expect(other.headers['content-type']).toContain('application/problem+json');
    expect(other.body.code).toBe('BENEFICIARY_NOT_FOUND');
    expect(national.status).toBe(200);
  });

  it('answers 401 without a token and 403 to an analyst on every personal endpoint', async () => {
    const created = await register();
    const paths = [
      ['get', `/api/v1/beneficiaries/${created.id}`],
      ['get', '/api/v1/beneficiaries'],
      ['post', '/api/v1/beneficiaries'],
      ['patch', `/api/v1/beneficiaries/${created.id}`],
      ['post', `/api/v1/beneficiaries/${created.id}/close`],
      ['post', `/api/v1/beneficiaries/${created.id}/erasure`],
    ] as const;

    for (const [method, path] of paths) {
      const anonymous = await sut.http[method](path).send({});
      const byAnalyst = await sut.http[method](path).set('authorization', analyst).send({});
      expect([path, anonymous.status, anonymous.body.code]).toEqual([
        path,
        401,
        'AUTH_TOKEN_MISSING',
      ]);
      expect([path, byAnalyst.status, byAnalyst.body.code]).toEqual([path, 403, 'AUTH_FORBIDDEN']);
    }
  });

  it('updates with If-Match: 428 without it, 412 when stale, new ETag when current', async () => {
    const created = await register();
    const path = `/api/v1/beneficiaries/${created.id}`;

    const missing = await sut.http
      .patch(path)
      .set('authorization', iomCaseWorker)
      .send({ regionCode: '06' });
    const updated = await sut.http
      .patch(path)
      .set('authorization', iomCaseWorker)
      .set('if-match', '"1"')
      .send({ regionCode: '06', phone: null });
    const stale = await sut.http
      .patch(path)
      .set('authorization', iomCaseWorker)
      .set('if-match', '"1"')
      .send({ regionCode: '07' });

    expect(missing.status).toBe(428);
    expect(missing.body.code).toBe('PRECONDITION_REQUIRED');
    expect(updated.status).toBe(200);
    expect(updated.headers.etag).toBe('"2"');
    expect(updated.body).toMatchObject({ regionCode: '06', phone: null, version: 2 });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('PRECONDITION_FAILED');
    const [row] = await sut.query<{ region_code: string; version: number }>(
      'SELECT region_code, version FROM beneficiary WHERE id = $1',
      [created.id],
    );
    expect(row).toEqual({ region_code: '06', version: 2 });
  });

  it('lets only one of two concurrent edits of the same version win; the other gets 412', async () => {
    const created = await register();
    const edit = (regionCode: string) =>
      sut.http
        .patch(`/api/v1/beneficiaries/${created.id}`)
        .set('authorization', iomCaseWorker)
        .set('if-match', '"1"')
        .send({ regionCode });

    const statuses = (await Promise.all([edit('01'), edit('02')]))
      .map((response) => response.status)
      .sort();

    expect(statuses).toEqual([200, 412]);
  });

  it('hides another institution’s record from PATCH and status changes (404)', async () => {
    const created = await register();

    const patch = await sut.http
      .patch(`/api/v1/beneficiaries/${created.id}`)
      .set('authorization', anapecCaseWorker)
      .set('if-match', '"1"')
      .send({ regionCode: '01' });
    const close = await sut.http
      .post(`/api/v1/beneficiaries/${created.id}/close`)
      .set('authorization', anapecCaseWorker)
      .send({ reason: 'other' });

    expect([patch.status, close.status]).toEqual([404, 404]);
  });

  it('refuses to remove a required field with null', async () => {
    const created = await register();

    const response = await sut.http
      .patch(`/api/v1/beneficiaries/${created.id}`)
      .set('authorization', iomCaseWorker)
      .set('if-match', '"1"')
      .send({ lastName: null });

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      { field: 'lastName', message: 'lastName cannot be removed' },
    ]);
  });

  it('links household members, seen from both ends', async () => {
    const parent = await register();
    const child = await register(
      aBeneficiary({
        firstName: 'Yassine',
        links: [{ beneficiaryId: parent.id, relation: 'parent' }],
      }),
    );

    const fromParent = (
      await sut.http
        .get(`/api/v1/beneficiaries/${parent.id}`)
        .set('authorization', iomCaseWorker)
        .expect(200)
    ).body;

    expect(child.links).toEqual([
      { beneficiaryId: parent.id, kind: 'household', relation: 'parent' },
    ]);
    expect(fromParent.links).toEqual([
      { beneficiaryId: child.id, kind: 'household', relation: 'child' },
    ]);
  });

  it('refuses a link to another institution’s record as if it did not exist', async () => {
    const theirs = await register(aBeneficiary(), anapecCaseWorker);

    const response = await sut.http
      .post('/api/v1/beneficiaries')
      .set('authorization', iomCaseWorker)
      .send(aBeneficiary({ links: [{ beneficiaryId: theirs.id, relation: 'spouse' }] }));

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      { field: 'links.0.beneficiaryId', message: 'must be another beneficiary you can access' },
    ]);
  });

  it('moves a case registered → active → closed (reason) → reopened, and refuses updates while closed', async () => {
    const created = await register();
    const path = `/api/v1/beneficiaries/${created.id}`;

    const activated = await sut.http
      .post(`${path}/activate`)
      .set('authorization', iomCaseWorker)
      .expect(200);
    const closed = await sut.http
      .post(`${path}/close`)
      .set('authorization', iomCaseWorker)
      .send({ reason: 'reintegrated' })
      .expect(200);
    const patchWhileClosed = await sut.http
      .patch(path)
      .set('authorization', iomCaseWorker)
      .set('if-match', '"3"')
      .send({ regionCode: '01' });
    const closeAgain = await sut.http
      .post(`${path}/close`)
      .set('authorization', iomCaseWorker)
      .send({ reason: 'other' });
    const reopened = await sut.http
      .post(`${path}/reopen`)
      .set('authorization', iomCaseWorker)
      .set('if-match', '"3"')
      .expect(200);

    expect(activated.body).toMatchObject({ status: 'active', version: 2 });
    expect(closed.body).toMatchObject({
      status: 'closed',
      closureReason: 'reintegrated',
      version: 3,
    });
    expect(patchWhileClosed.status).toBe(409);
    expect(patchWhileClosed.body.code).toBe('BENEFICIARY_CLOSED');
    expect(closeAgain.status).toBe(409);
    expect(closeAgain.body.code).toBe('INVALID_STATUS_TRANSITION');
    expect(reopened.body).toMatchObject({ status: 'active', closureReason: null, version: 4 });
    expect(reopened.headers.etag).toBe('"4"');
  });

  it('writes registered, updated and closed events in the outbox, with dimensions only', async () => {
    const created = await register(aBeneficiary({ languages: ['ar'] }));
    await sut.http
      .patch(`/api/v1/beneficiaries/${created.id}`)
      .set('authorization', iomCaseWorker)
      .set('if-match', '"1"')
      .send({ regionCode: '07' })
      .expect(200);
    await sut.http
      .post(`/api/v1/beneficiaries/${created.id}/close`)
      .set('authorization', iomCaseWorker)
      .send({ reason: 'moved-abroad' })
      .expect(200);

    const rows = await sut.query<{ type: string; payload: { data: Record<string, unknown> } }>(
      `SELECT type, payload FROM outbox_message WHERE payload->>'subject' = $1 ORDER BY occurred_at`,
      [created.id],
    );

    expect(rows.map((row) => row.type)).toEqual([
      'beneficiary.registered.v1',
      'beneficiary.updated.v1',
      'beneficiary.closed.v1',
    ]);
    // The reference is numbered by the statement that writes the event, from the same row.
    expect(rows[0].payload.data).toMatchObject({
      beneficiaryId: created.id,
      reference: created.reference,
      ownerOrg: 'IOM',
      registeredAt: created.createdAt,
    });
    expect(created.reference).toMatch(/^MA-\d{4}-\d{6,}$/);
    expect(rows[1].payload.data).toMatchObject({
      beneficiaryId: created.id,
      regionCode: '07',
      languages: ['ar'],
      version: 2,
      status: 'registered',
    });
    expect(rows[2].payload.data).toMatchObject({ reason: 'moved-abroad', version: 3 });
  });

  it.each([
    ['its outbox row', 'outbox_message'],
    ['its audit entry', 'audit_entry'],
    ['its search keys', 'beneficiary_search_key'],
  ])('writes nothing of a registration when %s cannot be written', async (_, table) => {
    // A database that refuses one of the writes of the create statement: the others must not stay.
    await sut.query(`CREATE FUNCTION refuse_write() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN RAISE EXCEPTION 'write refused for the test'; END $$`);
    await sut.query(
      `CREATE TRIGGER refuse_write BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_write()`,
    );
    try {
      const before = await sut.footprint();

      const response = await sut.http
        .post('/api/v1/beneficiaries')
        .set('authorization', iomCaseWorker)
        .send(aBeneficiary());

      expect(response.status).toBe(500);
      expect(await sut.footprint()).toEqual(before);
    } finally {
      await sut.query(`DROP TRIGGER refuse_write ON ${table}`);
      await sut.query('DROP FUNCTION refuse_write()');
    }
  });

  it('documents every beneficiary and audit route in the OpenAPI document', async () => {
    const document = (await sut.http.get('/api/openapi.json').expect(200)).body;

    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/beneficiaries',
        '/api/v1/beneficiaries/{id}',
        '/api/v1/beneficiaries/{id}/close',
        '/api/v1/beneficiaries/{id}/erasure',
        '/api/v1/audit-entries',
      ]),
    );
  });
});
