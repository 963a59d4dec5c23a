import { randomBytes } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import {
  beneficiaryEnrolledV1,
  fromBinaryMessage,
  validatePayload,
  type EventEnvelope,
} from '@mrm/contracts';
import { BusNamespace } from '@mrm/messaging';
import { bearer, testNatsUrl, waitFor } from '@mrm/testing';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import request from 'supertest';

import { RegistrationTestApp } from './support/registration-test-app';

describe('programmes and enrolments', () => {
  let sut: RegistrationTestApp;
  let stream: string;
  let app: NestExpressApplication;
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  const coordinator = bearer('MINISTRY', ['coordinator'], 'coordinator-1');
  const caseWorker = bearer('IOM', ['case-worker'], 'case-worker-1');
  const otherCaseWorker = bearer('COOPI', ['case-worker'], 'cw-coopi-1');
  const analyst = bearer('MINISTRY', ['analyst'], 'analyst-1');
  const UNKNOWN_ID = '0193a3c4-5f1e-7d2a-9b8c-1234567890ab';

  const http = () => request(app.getHttpServer());
  const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex').toUpperCase()}`;
  const letters = (n: number) =>
    Array.from(randomBytes(n), (byte) => String.fromCharCode(97 + (byte % 26))).join('');
  const fields = (response: request.Response) =>
    new Set(response.body.errors.map((error: { field: string }) => error.field));

  const programme = (overrides: Record<string, unknown> = {}) => ({
    code: unique('FORAS'),
    name: 'FORAS: reintegration of returning migrants',
    donor: 'Germany (BMZ)',
    implementingOrg: 'IOM',
    startsOn: '2018-01-01',
    endsOn: '2020-12-31',
    targetCategories: ['returning-moroccan', 'foreign-avrr'],
    ...overrides,
  });
  const create = (body: object, token = coordinator) =>
    http().post('/api/v1/programmes').set('authorization', token).send(body);
  const list = (query: Record<string, string | number>, token = caseWorker) =>
    http().get('/api/v1/programmes').query(query).set('authorization', token);
  const newProgramme = async (overrides: Record<string, unknown> = {}) =>
    (await create(programme(overrides)).expect(201)).body as { id: string; code: string };

  const person = () => ({
    firstName: `Youssef ${letters(8)}`,
    lastName: `El ${letters(8)}`,
    category: 'returning-moroccan',
    sex: 'male',
    birthDate: '1985-09-12',
    nationality: 'MA',
    regionCode: '05',
    phone: `+2126${String(randomBytes(4).readUInt32BE() % 1e8).padStart(8, '1')}`,
  });
  const register = async (body = person()): Promise<string> => {
    const response = await http()
      .post('/api/v1/beneficiaries')
      .set('authorization', caseWorker)
      .send(body);
    expect(response.status).toBe(201);
    return response.body.id;
  };
  const base = (beneficiaryId: string) => `/api/v1/beneficiaries/${beneficiaryId}/enrolments`;
  const enrol = (beneficiaryId: string, body: object, token = caseWorker) =>
    http().post(base(beneficiaryId)).set('authorization', token).send(body);
  const exit = (beneficiaryId: string, enrolmentId: string, body: object, token = caseWorker) =>
    http()
      .post(`${base(beneficiaryId)}/${enrolmentId}/exit`)
      .set('authorization', token)
      .send(body);
  const enrolments = (beneficiaryId: string, query: object = {}, token = caseWorker) =>
    http().get(base(beneficiaryId)).query(query).set('authorization', token);

  // `beneficiary.enrolled.v1` events about one beneficiary (ce-subject) on the namespaced stream.
  const enrolledEvents = async (beneficiaryId: string, count: number) => {
    let events: EventEnvelope[] = [];
    await waitFor(
      async () => {
        const { state } = await jsm.streams.info(stream);
        events = [];
        for (let seq = state.first_seq; state.messages > 0 && seq <= state.last_seq; seq += 1) {
          const message = await jsm.streams.getMessage(stream, { seq });
          if (!message) continue;
          const envelope = fromBinaryMessage((name) => message.header.get(name), message.data);
          const wanted = envelope.type === beneficiaryEnrolledV1.type;
          if (wanted && envelope.subject === beneficiaryId) events.push(envelope);
        }
        return events.length >= count;
      },
      { what: `${count} enrolment event(s) about ${beneficiaryId}` },
    );
    return events;
  };

  beforeAll(async () => {
    sut = await RegistrationTestApp.start('programmes');
    app = sut.app;
    stream = new BusNamespace(sut.namespace).stream('REGISTRATION');
    nc = await connect({ servers: testNatsUrl() });
    jsm = await jetstreamManager(nc);
  });

  afterAll(async () => {
    await nc?.close();
    await sut?.stop();
  });

  it('creates a programme that every operational role can read', async () => {
    const body = programme();

    const created = await create(body).expect(201);

    expect(created.body).toEqual({
      ...body,
      id: expect.any(String),
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    for (const token of [caseWorker, analyst, bearer('COOPI', ['trainer'])]) {
      const read = await http()
        .get(`/api/v1/programmes/${created.body.id}`)
        .set('authorization', token)
        .expect(200);
      expect(read.body).toEqual(created.body);
    }
  });

  it('replays the first response for a retried Idempotency-Key and refuses another body', async () => {
    const body = programme({ donor: unique('Donor') });
    const key = unique('key');

    const first = await create(body).set('idempotency-key', key).expect(201);
    const retry = await create(body).set('idempotency-key', key).expect(201);
    const reused = await create({ ...body, name: 'Changed' }).set('idempotency-key', key);

    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect([reused.status, reused.body.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    expect((await list({ donor: body.donor }).expect(200)).body.items).toHaveLength(1);
  });

  it('returns 409 problem+json, not a database error, when the code is already taken', async () => {
    const body = programme();
    await create(body).expect(201);

    const duplicate = await create({ ...body, name: 'Another name' }).expect(409);

    expect(duplicate.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(duplicate.body).toMatchObject({
      status: 409,
      code: 'PROGRAMME_CODE_TAKEN',
      type: 'https://errors.mrm.gov.ma/registration/programme-code-taken',
      errors: [{ field: 'code', message: 'code is already taken' }],
    });
    expect(JSON.stringify(duplicate.body)).not.toMatch(/duplicate key|constraint|programme_code/);
  });

  it('returns 400 listing every invalid, missing or unknown field', async () => {
    const invalid = programme({
      code: 'foras',
      name: '   ',
      implementingOrg: 'iom',
      startsOn: '2021-02-30',
      endsOn: '31/12/2022',
      targetCategories: ['returning-moroccan', 'tourist'],
    });
    const { donor: _donor, ...incomplete } = programme({ targetCategories: [], budget: 1e6 });

    const first = await create(invalid).expect(400);
    const second = await create(incomplete).expect(400);

    expect(first.body.code).toBe('VALIDATION_FAILED');
    expect(fields(first)).toEqual(
      new Set(['code', 'name', 'implementingOrg', 'startsOn', 'endsOn', 'targetCategories']),
    );
    expect(fields(second)).toEqual(new Set(['donor', 'targetCategories', 'budget']));
    expect(second.body.errors).toContainEqual({
      field: 'budget',
      message: 'property budget should not exist',
    });
  });

  it('returns 400 on endsOn when the programme ends before it starts', async () => {
    const response = await create(programme({ startsOn: '2020-01-01', endsOn: '2019-12-31' }));

    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      code: 'PROGRAMME_PERIOD_INVALID',
      errors: [{ field: 'endsOn', message: 'endsOn must not be before startsOn' }],
    });
  });

  it('lets coordinators and admins write, other roles only read, auditors nothing', async () => {
    for (const token of [analyst, caseWorker]) {
      expect((await create(programme(), token).expect(403)).body.code).toBe('AUTH_FORBIDDEN');
    }
    await create(programme(), bearer('MINISTRY', ['admin'])).expect(201);
    await list({}, bearer('MINISTRY', ['auditor'])).expect(403);
    await http().get('/api/v1/programmes').expect(401);
  });

  it('returns 404 for an unknown programme and 400 for an id that is not a uuid', async () => {
    const get = (id: string) =>
      http().get(`/api/v1/programmes/${id}`).set('authorization', caseWorker);

    expect((await get(UNKNOWN_ID).expect(404)).body.code).toBe('PROGRAMME_NOT_FOUND');
    await get('not-a-uuid').expect(400);
  });

  it('lists programmes newest first, page by page', async () => {
    const donor = unique('Donor');
    const codes: string[] = [];
    for (let i = 0; i < 5; i += 1) codes.push((await newProgramme({ donor })).code);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: Record<string, string | number> = cursor
        ? { donor, limit: 2, cursor }
        : { donor, limit: 2 };
      const page: request.Response = await list(query).expect(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((item: { code: string }) => item.code));
      cursor = page.body.nextCursor;
    } while (cursor);

    // One big page gives the reference order: newest first, then by id for the same instant.
    const all = await list({ donor, limit: 100 }).expect(200);
    expect(seen).toEqual(all.body.items.map((item: { code: string }) => item.code));
    expect([...seen].sort()).toEqual([...codes].sort());
    const times = all.body.items.map((item: { createdAt: string }) => item.createdAt);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('filters by donor, case-insensitively, and by the day a programme runs', async () => {
    const donor = unique('European Union');
    const early = await newProgramme({ donor, startsOn: '2015-01-01', endsOn: '2016-12-31' });
    const open = await newProgramme({ donor, startsOn: '2017-01-01', endsOn: undefined });
    await newProgramme({ startsOn: '2015-01-01', endsOn: '2016-12-31' });

    const ids = async (query: Record<string, string>) =>
      (await list(query).expect(200)).body.items.map((item: { id: string }) => item.id);

    expect(await ids({ donor: donor.toLowerCase() })).toEqual([open.id, early.id]);
    expect(await ids({ donor, activeOn: '2016-12-31' })).toEqual([early.id]);
    expect(await ids({ donor, activeOn: '2030-06-01' })).toEqual([open.id]);
    expect((open as unknown as { endsOn: unknown }).endsOn).toBeNull();
  });

  it('returns 400 for a malformed list query or cursor', async () => {
    const query = await list({ limit: 500, activeOn: 'yesterday', status: 'open' }).expect(400);
    const cursor = await list({ cursor: 'bm90LWEtY3Vyc29y' }).expect(400);

    expect(fields(query)).toEqual(new Set(['limit', 'activeOn', 'status']));
    expect(cursor.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'cursor' }] });
  });

  it('enrols, exits and publishes beneficiary.enrolled.v1 each time, without personal data', async () => {
    const body = person();
    const beneficiaryId = await register(body);
    const foras = await newProgramme();

    const enrolled = await enrol(beneficiaryId, { programmeId: foras.id, enteredOn: '2019-03-04' });
    const exited = await exit(beneficiaryId, enrolled.body.id, {
      exitedOn: '2019-11-29',
      reason: 'completed',
    }).expect(200);

    expect(enrolled.status).toBe(201);
    expect(enrolled.body).toEqual({
      id: expect.any(String),
      beneficiaryId,
      programmeId: foras.id,
      programmeCode: foras.code,
      enteredOn: '2019-03-04',
      exitedOn: null,
      exitReason: null,
      status: 'open',
      createdAt: expect.any(String),
    });
    const exitedFields = { exitedOn: '2019-11-29', exitReason: 'completed', status: 'exited' };
    expect(exited.body).toEqual({ ...enrolled.body, ...exitedFields });
    const events = await enrolledEvents(beneficiaryId, 2);
    const common = {
      enrolmentId: enrolled.body.id,
      beneficiaryId,
      programmeId: foras.id,
      programmeCode: foras.code,
      enteredOn: '2019-03-04',
    };
    expect(events.map((event) => event.data)).toEqual([
      common,
      { ...common, exitedOn: '2019-11-29' },
    ]);
    for (const event of events) {
      expect(validatePayload(beneficiaryEnrolledV1, event.data)).toMatchObject({ ok: true });
      const wire = JSON.stringify(event);
      for (const value of [body.firstName, body.lastName, body.phone]) {
        expect(wire).not.toContain(value);
      }
    }
  });

  it('returns 409 for a second open enrolment or a second exit; re-entry after exit is fine', async () => {
    const beneficiaryId = await register();
    const { id: programmeId } = await newProgramme();
    const first = await enrol(beneficiaryId, { programmeId, enteredOn: '2019-01-10' }).expect(201);

    const twice = await enrol(beneficiaryId, { programmeId, enteredOn: '2019-02-10' });
    await exit(beneficiaryId, first.body.id, { exitedOn: '2019-05-01', reason: 'dropped-out' });
    const again = await exit(beneficiaryId, first.body.id, {
      exitedOn: '2019-06-01',
      reason: 'other',
    });
    await enrol(beneficiaryId, { programmeId, enteredOn: '2019-09-01' }).expect(201);

    expect([twice.status, twice.body.code]).toEqual([409, 'ENROLMENT_ALREADY_OPEN']);
    expect([again.status, again.body.code]).toEqual([409, 'ENROLMENT_ALREADY_EXITED']);
  });

  it('returns 400 on the field when entry is outside the period or exit before entry', async () => {
    const beneficiaryId = await register();
    const { id: programmeId } = await newProgramme({
      startsOn: '2018-01-01',
      endsOn: '2020-12-31',
    });

    const before = await enrol(beneficiaryId, { programmeId, enteredOn: '2017-12-31' });
    const after = await enrol(beneficiaryId, { programmeId, enteredOn: '2021-01-01' });
    const enrolled = await enrol(beneficiaryId, { programmeId, enteredOn: '2020-12-31' });
    const early = await exit(beneficiaryId, enrolled.body.id, {
      exitedOn: '2020-12-30',
      reason: 'completed',
    });

    const message = 'enteredOn must fall within 2018-01-01 to 2020-12-31';
    for (const response of [before, after]) {
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        code: 'ENROLMENT_OUTSIDE_PROGRAMME_PERIOD',
        errors: [{ field: 'enteredOn', message }],
      });
    }
    expect(enrolled.status).toBe(201);
    expect([early.status, early.body.code]).toEqual([400, 'ENROLMENT_EXIT_BEFORE_ENTRY']);
    expect(fields(early)).toEqual(new Set(['exitedOn']));
  });

  it('returns 400 for malformed enrolment and exit bodies, unknown fields included', async () => {
    const beneficiaryId = await register();
    const { id: programmeId } = await newProgramme();
    const enrolled = await enrol(beneficiaryId, { programmeId, enteredOn: '2019-01-10' });

    const badEnrol = await enrol(beneficiaryId, {
      programmeId: 'foras',
      enteredOn: '2019-02-30',
      extra: 1,
    });
    const badExit = await exit(beneficiaryId, enrolled.body.id, {
      exitedOn: '2019-13-01',
      reason: 'bored',
    });

    expect(fields(badEnrol)).toEqual(new Set(['programmeId', 'enteredOn', 'extra']));
    expect(fields(badExit)).toEqual(new Set(['exitedOn', 'reason']));
  });

  it('returns 404 for an unknown programme, enrolment or beneficiary', async () => {
    const beneficiaryId = await register();

    const responses = [
      await enrol(beneficiaryId, { programmeId: UNKNOWN_ID, enteredOn: '2019-01-10' }),
      await exit(beneficiaryId, UNKNOWN_ID, { exitedOn: '2019-01-10', reason: 'other' }),
      await enrolments(UNKNOWN_ID),
    ];

    expect(responses.map((response) => [response.status, response.body.code])).toEqual([
      [404, 'PROGRAMME_NOT_FOUND'],
      [404, 'ENROLMENT_NOT_FOUND'],
      [404, 'BENEFICIARY_NOT_FOUND'],
    ]);
  });

  it("hides another institution's beneficiary (404) and refuses analysts (403)", async () => {
    const beneficiaryId = await register();
    const { id: programmeId } = await newProgramme();
    const enrolled = await enrol(beneficiaryId, { programmeId, enteredOn: '2019-01-10' });
    const exitBody = { exitedOn: '2019-02-01', reason: 'other' };

    await enrol(beneficiaryId, { programmeId, enteredOn: '2019-01-11' }, otherCaseWorker).expect(
      404,
    );
    await exit(beneficiaryId, enrolled.body.id, exitBody, otherCaseWorker).expect(404);
    await enrolments(beneficiaryId, {}, otherCaseWorker).expect(404);
    await enrolments(beneficiaryId, {}, analyst).expect(403);
    await enrolments(beneficiaryId, {}, coordinator).expect(200);
  });

  it('refuses a new enrolment on a closed file but still lets its enrolments end', async () => {
    const beneficiaryId = await register();
    const { id: programmeId } = await newProgramme();
    const other = await newProgramme();
    const enrolled = await enrol(beneficiaryId, { programmeId, enteredOn: '2019-01-10' });
    const lifecycle = (verb: string, body: object = {}) =>
      http()
        .post(`/api/v1/beneficiaries/${beneficiaryId}/${verb}`)
        .set('authorization', caseWorker)
        .send(body)
        .expect(200);
    await lifecycle('activate');
    await lifecycle('close', { reason: 'reintegrated' });

    const refused = await enrol(beneficiaryId, { programmeId: other.id, enteredOn: '2019-02-01' });
    const ended = await exit(beneficiaryId, enrolled.body.id, {
      exitedOn: '2019-12-01',
      reason: 'completed',
    });

    expect([refused.status, refused.body.code]).toEqual([409, 'BENEFICIARY_CLOSED']);
    expect(ended.status).toBe(200);
  });

  it('lists enrolments newest first, page by page, and replays a retried create', async () => {
    const beneficiaryId = await register();
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const { id: programmeId } = await newProgramme();
      ids.push((await enrol(beneficiaryId, { programmeId, enteredOn: '2019-01-10' })).body.id);
    }
    const body = { programmeId: (await newProgramme()).id, enteredOn: '2019-04-01' };
    const key = unique('enrol');
    const first = await enrol(beneficiaryId, body).set('idempotency-key', key).expect(201);
    const retry = await enrol(beneficiaryId, body).set('idempotency-key', key).expect(201);
    ids.push(first.body.id);

    const page1 = await enrolments(beneficiaryId, { limit: 3 }).expect(200);
    const page2 = await enrolments(beneficiaryId, { limit: 3, cursor: page1.body.nextCursor });

    expect(retry.body).toEqual(first.body);
    const listed = [...page1.body.items, ...page2.body.items].map(
      (item: { id: string }) => item.id,
    );
    expect(listed).toEqual([...ids].reverse());
    expect(page2.body.nextCursor).toBeNull();
  });
});
