import { randomBytes } from 'node:crypto';
import { beneficiaryMergedV1 } from '@mrm/contracts';
import { waitFor } from '@mrm/testing';
import { aBeneficiary } from './factories/beneficiary.factory';
import { auth, RegistrationTestApp } from './support/registration-test-app';

describe('duplicate merge', () => {
  let sut: RegistrationTestApp;
  const iom = auth('IOM', ['case-worker'], 'cw-iom-1');
  const coordinator = auth('MINISTRY', ['coordinator'], 'coord-1');
  const override = { duplicateOverride: { reason: 'Registered again before checking' } };

  let nextYear = 1950;
  const aPerson = (overrides: Record<string, unknown> = {}) =>
    aBeneficiary({
      firstName: 'Rachid',
      lastName: `Ou${randomBytes(5).toString('hex').replace(/\d/g, 'k')}`,
      birthDate: `${(nextYear += 4)}-05-20`,
      ...overrides,
    });
  const register = async (body: Record<string, unknown>) =>
    (await sut.http.post('/api/v1/beneficiaries').set('authorization', iom).send(body).expect(201))
      .body as { id: string; reference: string; phone: string };
  const get = (path: string, token = iom) =>
    sut.http.get(`/api/v1${path}`).set('authorization', token);
  const post = (path: string, body: object, token = iom) =>
    sut.http.post(`/api/v1${path}`).set('authorization', token).send(body);
  const entryOf = async (beneficiaryId: string, candidateId: string) =>
    (
      await sut.query<{ id: string; status: string; reasons: string[] }>(
        'SELECT id, status, reasons FROM duplicate_candidate WHERE beneficiary_id = $1 AND candidate_id = $2',
        [beneficiaryId, candidateId],
      )
    )[0];
  const newProgramme = async () =>
    (
      await post(
        '/programmes',
        {
          code: `FORAS-${randomBytes(3).toString('hex').toUpperCase()}`,
          name: 'FORAS: reintegration of returning migrants',
          donor: 'Germany (BMZ)',
          implementingOrg: 'IOM',
          startsOn: '2020-01-01',
          targetCategories: ['returning-moroccan'],
        },
        coordinator,
      ).expect(201)
    ).body.id as string;
  const enrol = (beneficiaryId: string, programmeId: string) =>
    post(`/beneficiaries/${beneficiaryId}/enrolments`, { programmeId, enteredOn: '2024-02-01' })
      .expect(201)
      .then((response) => response.body.id as string);

  beforeAll(async () => {
    sut = await RegistrationTestApp.start('duplicate_merge');
  });

  afterAll(async () => {
    await sut?.stop();
  });

  it('folds the duplicate into the survivor: enrolments, consents and links follow, the duplicate leaves search', async () => {
    const person = aPerson();
    const survivor = await register(person);
    const duplicate = await register({
      ...person,
      ...override,
      phone: '+212 670 10 20 30',
    });
    const entry = await entryOf(duplicate.id, survivor.id);
    const [onlyTheirs, both] = [await newProgramme(), await newProgramme()];
    const moved = await enrol(duplicate.id, onlyTheirs);
    const clash = await enrol(duplicate.id, both);
    await enrol(survivor.id, both);
    const consent = await post(`/beneficiaries/${duplicate.id}/consents`, {
      purposes: ['referral'],
      recipients: ['ANAPEC'],
      dataCategories: ['identity', 'contact'],
      noticeVersion: '2025-03',
    }).expect(201);
    const spouse = await register(
      // A name of its own: two random "Ou…" names can be close enough for the fuzzy name search.
      aPerson({
        firstName: 'Khadija',
        lastName: 'Zerhouni-Tazi',
        links: [{ beneficiaryId: duplicate.id, relation: 'spouse' }],
      }),
    );

    const response = await post(`/duplicates/${entry.id}/merge`, {
      survivorId: survivor.id,
      reason: 'Same person: same parents and place of birth',
    });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      status: 'merged',
      resolvedBy: 'cw-iom-1',
      beneficiary: { id: duplicate.id, mergedInto: survivor.id, status: 'registered' },
      candidate: { id: survivor.id, mergedInto: null },
    });
    const mergedRecord = await get(`/beneficiaries/${duplicate.id}`).expect(200);
    expect(mergedRecord.body.mergedInto).toBe(survivor.id);
    const enrolments = (await get(`/beneficiaries/${survivor.id}/enrolments`).expect(200)).body;
    expect(enrolments.items).toHaveLength(3);
    expect(enrolments.items.find((item: { id: string }) => item.id === moved)).toBeDefined();
    expect(enrolments.items.find((item: { id: string }) => item.id === clash)).toMatchObject({
      exitReason: 'transferred',
    });
    const consents = (await get(`/beneficiaries/${survivor.id}/consents`).expect(200)).body;
    expect(consents.items.map((item: { id: string }) => item.id)).toEqual([consent.body.id]);
    const survivorRecord = (await get(`/beneficiaries/${survivor.id}`).expect(200)).body;
    expect(survivorRecord.links).toEqual([
      { beneficiaryId: spouse.id, kind: 'household', relation: 'spouse' },
    ]);
    const byName = await post('/beneficiaries/search', { name: String(person.lastName) });
    expect(byName.body.items.map((item: { id: string }) => item.id)).toEqual([survivor.id]);
    const byPhone = await post('/beneficiaries/search', { phone: '+212670102030' });
    expect(byPhone.body.items).toEqual([]);
    expect(
      await sut.query('SELECT 1 FROM beneficiary_search_key WHERE beneficiary_id = $1', [
        duplicate.id,
      ]),
    ).toEqual([]);
  });

  it('emits beneficiary.merged.v1 on the REGISTRATION stream, with ids only, and audits the merge', async () => {
    const person = aPerson();
    const survivor = await register(person);
    const duplicate = await register({ ...person, ...override, phone: undefined, documents: [] });
    const entry = await entryOf(duplicate.id, survivor.id);

    await post(`/duplicates/${entry.id}/merge`, { survivorId: survivor.id, reason: 'Same' }).expect(
      200,
    );

    let message: { subject: string; data: string } | undefined;
    await waitFor(
      async () => {
        message = (await sut.streamMessages()).find(
          (m) => m.subject.endsWith(beneficiaryMergedV1.subject) && m.data.includes(duplicate.id),
        );
        return message !== undefined;
      },
      { what: 'beneficiary.merged.v1 on the stream' },
    );
    const data = JSON.parse(message!.data);
    expect(data).toEqual({
      beneficiaryId: survivor.id,
      mergedBeneficiaryId: duplicate.id,
      mergedAt: expect.any(String),
    });
    expect(message!.data).not.toContain(String(person.lastName));
    const [audit] = await sut.query(
      `SELECT actor_sub, resource_ids, reason FROM audit_entry WHERE action = 'merge' AND $1 = ANY(resource_ids)`,
      [duplicate.id],
    );
    expect(audit).toEqual({
      actor_sub: 'cw-iom-1',
      resource_ids: [survivor.id, duplicate.id],
      reason: 'Same',
    });
  });

  it('no longer offers the merged record as a candidate, only the survivor', async () => {
    const person = aPerson();
    const survivor = await register(person);
    const duplicate = await register({ ...person, ...override, phone: undefined, documents: [] });
    const entry = await entryOf(duplicate.id, survivor.id);
    await post(`/duplicates/${entry.id}/merge`, { survivorId: survivor.id, reason: 'Same' }).expect(
      200,
    );

    const again = await post('/beneficiaries', { ...person, phone: undefined, documents: [] });

    expect(again.status).toBe(409);
    expect(again.body.candidates.map((c: { id: string }) => c.id)).toEqual([survivor.id]);
  });

  it('resolves the merged record’s other open entries and queues them again against the survivor', async () => {
    const person = aPerson();
    const survivor = await register(person);
    const duplicate = await register({ ...person, ...override, phone: '+212 671 99 88 77' });
    // Someone else with the duplicate's phone: a pair that only the duplicate explains.
    const third = await register(aPerson({ ...override, phone: '+212671998877' }));
    const entry = await entryOf(duplicate.id, survivor.id);

    await post(
      `/duplicates/${entry.id}/merge`,
      { survivorId: survivor.id, reason: 'Same' },
      coordinator,
    ).expect(200);

    expect(await entryOf(third.id, duplicate.id)).toMatchObject({ status: 'dismissed' });
    expect(await entryOf(third.id, survivor.id)).toMatchObject({
      status: 'open',
      reasons: ['phone'],
    });
    const merged = await post(`/duplicates/${entry.id}/merge`, {
      survivorId: survivor.id,
      reason: 'x',
    });
    expect([merged.status, merged.body.code]).toEqual([409, 'DUPLICATE_ALREADY_RESOLVED']);
    const enrolMerged = await post(`/beneficiaries/${duplicate.id}/enrolments`, {
      programmeId: await newProgramme(),
      enteredOn: '2024-02-01',
    });
    expect([enrolMerged.status, enrolMerged.body.code]).toEqual([409, 'BENEFICIARY_MERGED']);
  });
});
