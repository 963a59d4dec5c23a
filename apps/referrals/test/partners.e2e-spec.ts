import { bearer, TestService } from '@mrm/testing';
import { ReferralsConfig } from '../src/referrals.config';
import { ReferralsModule } from '../src/referrals.module';
import { REFERRALS_OPENAPI } from '../src/referrals.openapi';
import {
  aPartnerBody,
  aPartnerWithService,
  aServiceBody,
  coordinator,
  footprint,
  sql,
} from './support/directory.factory';

describe('partner directory (e2e)', () => {
  let sut: TestService;
  const officer = bearer('IOM', ['referral-officer'], 'officer-1');
  const tables = ['partner', 'partner_service', 'outbox_message'];

  beforeAll(async () => {
    sut = await TestService.start({
      service: 'referrals',
      configClass: ReferralsConfig,
      rootModule: (config) => ReferralsModule.forRoot(config),
      openApi: REFERRALS_OPENAPI,
    });
  });

  afterAll(async () => {
    await sut?.stop();
  });

  it('registers a partner with its Location and ETag, and announces it on the bus', async () => {
    const body = aPartnerBody();

    const response = await sut.http
      .post('/api/v1/partners')
      .set('Authorization', coordinator)
      .send(body)
      .expect(201);

    expect(response.headers.location).toBe(`/api/v1/partners/${response.body.id}`);
    expect(response.headers.etag).toBe('"1"');
    expect(response.body).toMatchObject({ code: body.code, kind: 'ngo', active: true, version: 1 });
    expect(response.body.names).toEqual({
      fr: body.names.fr,
      ar: body.names.ar,
      en: body.names.en,
    });
    const events = await sql(
      sut,
      'SELECT type, payload FROM outbox_message WHERE subject LIKE $1',
      ['%partner.registered.v1'],
    );
    expect(events.map((event) => (event.payload as { data: object }).data)).toContainEqual(
      expect.objectContaining({ partnerId: response.body.id, code: body.code, version: 1 }),
    );
  });

  it('answers 409 for a code already taken, and writes nothing', async () => {
    const body = aPartnerBody();
    await sut.http
      .post('/api/v1/partners')
      .set('Authorization', coordinator)
      .send(body)
      .expect(201);
    const before = await footprint(sut, tables);

    const response = await sut.http
      .post('/api/v1/partners')
      .set('Authorization', coordinator)
      .send({ ...body, kind: 'agency' })
      .expect(409);

    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.code).toBe('PARTNER_CODE_TAKEN');
    expect(await footprint(sut, tables)).toEqual(before);
  });

  it('answers 400 problem+json listing the invalid fields, and writes nothing', async () => {
    const before = await footprint(sut, tables);

    const response = await sut.http
      .post('/api/v1/partners')
      .set('Authorization', coordinator)
      .send({ code: 'lower case', names: {}, kind: 'church', extra: 1 })
      .expect(400);

    const fields = (response.body.errors as Array<{ field: string }>).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['code', 'names.fr', 'kind', 'extra']));
    expect(await footprint(sut, tables)).toEqual(before);
  });

  it.each([
    { case: 'without names', names: undefined },
    { case: 'with null names', names: null },
    { case: 'with names as an array', names: [{ fr: 'Association' }] },
  ])('answers 400 problem+json $case, and writes nothing', async ({ names }) => {
    const before = await footprint(sut, tables);

    const response = await sut.http
      .post('/api/v1/partners')
      .set('Authorization', coordinator)
      .send({ ...aPartnerBody(), names })
      .expect(400);

    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.errors).toContainEqual(expect.objectContaining({ field: 'names' }));
    expect(await footprint(sut, tables)).toEqual(before);
  });

  it.each([
    { field: 'names', update: 400 },
    { field: 'kind', update: 400 },
    { field: 'website', update: 200 },
    { field: 'active', update: 200 },
  ])('answers $update to a partner update whose $field is null', async (expected) => {
    const { partnerId } = await aPartnerWithService(sut);
    const version = (
      await sut.http.get(`/api/v1/partners/${partnerId}`).set('Authorization', coordinator)
    ).body.version as number;

    const updated = await sut.http
      .patch(`/api/v1/partners/${partnerId}`)
      .set('Authorization', coordinator)
      .set('If-Match', `"${version}"`)
      .send({ [expected.field]: null });

    expect({ field: expected.field, update: updated.status }).toEqual(expected);
  });

  it('lets only coordinators maintain the directory', async () => {
    await sut.http
      .post('/api/v1/partners')
      .set('Authorization', officer)
      .send(aPartnerBody())
      .expect(403);
    await sut.http.get('/api/v1/partners').set('Authorization', officer).expect(200);
  });

  it('registers a service and finds it by type and region', async () => {
    const { serviceId, partnerId } = await aPartnerWithService(sut, { type: 'legal-aid' });

    const found = await sut.http
      .get('/api/v1/services')
      .query({ type: 'legal-aid', regionCode: '05', partnerId })
      .set('Authorization', officer)
      .expect(200);
    const elsewhere = await sut.http
      .get('/api/v1/services')
      .query({ type: 'legal-aid', regionCode: '01', partnerId })
      .set('Authorization', officer)
      .expect(200);

    expect(found.body.items.map((item: { id: string }) => item.id)).toEqual([serviceId]);
    expect(found.body.items[0]).toMatchObject({
      type: 'legal-aid',
      eligibility: { categories: ['returning-moroccan'], minAge: 18, maxAge: 60 },
      capacity: { placesPerMonth: 40, currentLoad: 10 },
      languages: ['ar', 'fr'],
    });
    expect(elsewhere.body.items).toEqual([]);
    const partner = await sut.http
      .get(`/api/v1/partners/${partnerId}`)
      .set('Authorization', officer);
    expect(partner.body.version).toBe(2);
  });

  it('refuses a service of an unknown partner (404) or with an inverted age range (400)', async () => {
    const { partnerId } = await aPartnerWithService(sut);
    const before = await footprint(sut, tables);

    await sut.http
      .post('/api/v1/services')
      .set('Authorization', coordinator)
      .send(aServiceBody('0193a3c4-5f1e-7d2a-9b8c-1234567890ab'))
      .expect(404);
    const inverted = await sut.http
      .post('/api/v1/services')
      .set('Authorization', coordinator)
      .send(aServiceBody(partnerId, { eligibility: { minAge: 60, maxAge: 18 } }))
      .expect(400);

    expect(inverted.body.code).toBe('SERVICE_AGE_RANGE_INVALID');
    expect(await footprint(sut, tables)).toEqual(before);
  });

  it.each(['eligibility', 'capacity', 'contact'])(
    'answers 400 to a service whose %s is an array, and writes nothing',
    async (field) => {
      const { partnerId } = await aPartnerWithService(sut);
      const valid = aServiceBody(partnerId) as Record<string, unknown>;
      const before = await footprint(sut, tables);

      const response = await sut.http
        .post('/api/v1/services')
        .set('Authorization', coordinator)
        .send({ ...valid, [field]: [valid[field] ?? {}] })
        .expect(400);

      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.errors).toContainEqual({
        field,
        message: `${field} must be an object`,
      });
      expect(await footprint(sut, tables)).toEqual(before);
    },
  );

  // Nested objects are never null; a required field cannot be cleared; an optional field's null
  // means not given. None of them is a 500 (a NOT NULL column, or a null read as an object).
  it.each([
    { field: 'eligibility', create: 400, update: 400 },
    { field: 'capacity', create: 400, update: 400 },
    { field: 'contact', create: 400, update: 400 },
    { field: 'name', create: 400, update: 400 },
    { field: 'type', create: 400, update: 400 },
    { field: 'regionCodes', create: 400, update: 400 },
    { field: 'languages', create: 201, update: 200 },
    { field: 'active', create: 201, update: 200 },
  ])('answers $create and $update to a service whose $field is null', async (expected) => {
    const { partnerId, serviceId } = await aPartnerWithService(sut);

    const created = await sut.http
      .post('/api/v1/services')
      .set('Authorization', coordinator)
      .send({ ...aServiceBody(partnerId), [expected.field]: null });
    const updated = await sut.http
      .patch(`/api/v1/services/${serviceId}`)
      .set('Authorization', coordinator)
      .set('If-Match', '"1"')
      .send({ [expected.field]: null });

    expect({ field: expected.field, create: created.status, update: updated.status }).toEqual(
      expected,
    );
  });

  it('updates a service under If-Match: 428 without it, 412 when stale, 200 when current', async () => {
    const { serviceId } = await aPartnerWithService(sut);
    const path = `/api/v1/services/${serviceId}`;
    const patch = { capacity: { placesPerMonth: 40, currentLoad: 39 } };

    await sut.http.patch(path).set('Authorization', coordinator).send(patch).expect(428);
    await sut.http
      .patch(path)
      .set('Authorization', coordinator)
      .set('If-Match', '"7"')
      .send(patch)
      .expect(412);
    const updated = await sut.http
      .patch(path)
      .set('Authorization', coordinator)
      .set('If-Match', '"1"')
      .send(patch)
      .expect(200);

    expect(updated.headers.etag).toBe('"2"');
    expect(updated.body.capacity).toEqual({ placesPerMonth: 40, currentLoad: 39 });
  });

  it('pages the partner list with a cursor', async () => {
    for (let i = 0; i < 3; i += 1) {
      await sut.http
        .post('/api/v1/partners')
        .set('Authorization', coordinator)
        .send(aPartnerBody());
    }

    const first = await sut.http
      .get('/api/v1/partners')
      .query({ limit: 2 })
      .set('Authorization', officer)
      .expect(200);
    const second = await sut.http
      .get('/api/v1/partners')
      .query({ limit: 2, cursor: first.body.nextCursor })
      .set('Authorization', officer)
      .expect(200);

    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const firstIds = first.body.items.map((item: { id: string }) => item.id);
    for (const item of second.body.items) expect(firstIds).not.toContain(item.id);
  });

  it('exports the directory as an HSDS 3 document', async () => {
    const { partnerId, serviceId, code } = await aPartnerWithService(sut, { type: 'health' });

    const response = await sut.http
      .get('/api/v1/partners/hsds')
      .set('Authorization', officer)
      .expect(200);

    const organization = response.body.organizations.find(
      (o: { id: string }) => o.id === partnerId,
    );
    expect(organization).toMatchObject({
      name: 'Association Amal',
      alternate_name: 'Amal Association',
      legal_status: 'ngo',
      organization_identifiers: [
        expect.objectContaining({ identifier_scheme: 'MRM-ORG', identifier: code }),
      ],
    });
    expect(organization.services).toEqual([
      expect.objectContaining({
        id: serviceId,
        status: 'active',
        minimum_age: 18,
        maximum_age: 60,
        languages: [{ code: 'ar' }, { code: 'fr' }],
        service_areas: [
          { name: '05', extent_type: 'region', extent: '05' },
          { name: '06', extent_type: 'region', extent: '06' },
        ],
        capacities: [{ maximum: 40, available: 30, unit: { name: 'places per month' } }],
        attributes: [{ taxonomy_term: { code: 'health', taxonomy: 'mrm-service-type' } }],
      }),
    ]);
  });

  it('imports an HSDS 3 document: what the export wrote comes back, matched by code and id', async () => {
    const { partnerId, serviceId, code } = await aPartnerWithService(sut, { type: 'housing' });
    const exported = await sut.http.get('/api/v1/partners/hsds').set('Authorization', officer);
    const organization = exported.body.organizations.find(
      (o: { id: string }) => o.id === partnerId,
    );
    const newcomer = {
      name: 'Fondation Orient-Occident',
      legal_status: 'ngo',
      organization_identifiers: [
        { identifier_scheme: 'MRM-ORG', identifier: `FOO-${code.slice(-8)}` },
      ],
      services: [
        {
          name: 'Hébergement',
          status: 'active',
          service_areas: [{ name: '04', extent_type: 'region', extent: '04' }],
          attributes: [{ taxonomy_term: { code: 'shelter', taxonomy: 'mrm-service-type' } }],
        },
      ],
    };
    const renamed = { ...organization, name: 'Association Amal (siège)' };

    const report = await sut.http
      .post('/api/v1/partners/hsds')
      .set('Authorization', coordinator)
      .send({ organizations: [renamed, newcomer] })
      .expect(200);

    expect(report.body).toEqual({
      partnersCreated: 1,
      partnersUpdated: 1,
      servicesCreated: 1,
      servicesUpdated: 1,
    });
    const partner = await sut.http
      .get(`/api/v1/partners/${partnerId}`)
      .set('Authorization', officer);
    expect(partner.body.names.fr).toBe('Association Amal (siège)');
    const service = await sut.http
      .get(`/api/v1/services/${serviceId}`)
      .set('Authorization', officer);
    expect(service.body).toMatchObject({ type: 'housing', regionCodes: ['05', '06'], version: 2 });
    const shelters = await sut.http
      .get('/api/v1/services')
      .query({ type: 'shelter', regionCode: '04' })
      .set('Authorization', officer);
    expect(shelters.body.items).toHaveLength(1);
  });

  it('refuses an invalid HSDS document with every problem and its path, importing nothing', async () => {
    const before = await footprint(sut, tables);

    const response = await sut.http
      .post('/api/v1/partners/hsds')
      .set('Authorization', coordinator)
      .send({
        organizations: [
          { name: 'X', legal_status: 'church', services: [{ name: 'Y', service_areas: [] }] },
        ],
      })
      .expect(400);

    const fields = (response.body.errors as Array<{ field: string }>).map((e) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'organizations[0].code',
        'organizations[0].kind',
        'organizations[0].services[0].type',
        'organizations[0].services[0].regionCodes',
      ]),
    );
    expect(await footprint(sut, tables)).toEqual(before);
  });
});
