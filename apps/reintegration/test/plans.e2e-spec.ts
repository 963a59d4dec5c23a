import { planApprovedV1 } from '@mrm/contracts';
import { bearer, ManualClock, type TestService } from '@mrm/testing';
import {
  awaitEvents,
  coordinator,
  officer,
  otherOfficer,
  rosterPeople,
  sql,
  startReintegration,
} from './support/reintegration-test';

describe('assessments and plans (e2e)', () => {
  const clock = new ManualClock(new Date('2027-01-20T10:00:00Z'));
  let sut: TestService;

  const content = (overrides: Record<string, unknown> = {}) => ({
    assessment: {
      economicNeeds: ['income', 'business-start'],
      socialNeeds: ['housing'],
      psychosocialNeeds: [],
      skills: ['sewing'],
      vulnerabilities: ['single-parent'],
    },
    objectives: ['Open a sewing workshop in Khénifra'],
    assistance: [{ item: 'individual-grant', amount: '15000.50' }, { item: 'business-training' }],
    ...overrides,
  });
  const create = async (
    status: number,
    overrides: Record<string, unknown> = {},
    token = officer,
  ) => {
    const [beneficiaryId] = await rosterPeople(sut, 1);
    return sut.http
      .post('/api/v1/plans')
      .set('Authorization', token)
      .send({ beneficiaryId, referenceDate: '2027-01-10', ...content(overrides) })
      .expect(status);
  };
  const planCount = async () =>
    (await sql<{ n: number }>(sut, 'SELECT count(*)::int AS n FROM plan'))[0].n;

  beforeAll(async () => {
    sut = await startReintegration({ clock, env: { REINTEGRATION_PLAN_DUE_DAYS: '45' } });
  });

  afterAll(async () => {
    await sut?.stop();
  });

  it('drafts a plan due the configured delay after the reference date, approved by a coordinator only', async () => {
    const created = await create(201);

    expect(created.body).toMatchObject({
      status: 'draft',
      revision: 1,
      dueOn: '2027-02-24',
      assistance: [{ item: 'individual-grant', amount: '15000.50' }, { item: 'business-training' }],
    });
    const path = `/api/v1/plans/${created.body.id}`;
    await sut.http.post(`${path}/approve`).set('Authorization', officer).expect(403);
    const approved = await sut.http
      .post(`${path}/approve`)
      .set('Authorization', coordinator)
      .expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', approvedBy: 'coord-1' });
    await sut.http.post(`${path}/approve`).set('Authorization', coordinator).expect(409);
    const [event] = await awaitEvents(sut, {
      type: planApprovedV1.type,
      subject: created.body.beneficiaryId,
      count: 1,
    });
    expect(event.data).toEqual({
      planId: created.body.id,
      beneficiaryId: created.body.beneficiaryId,
      ownerOrg: 'IOM',
      revision: 1,
      assistance: ['individual-grant', 'business-training'],
      dueOn: '2027-02-24',
      onTime: true,
      approvedAt: '2027-01-20T10:00:00.000Z',
    });
  });

  it('revises an approved plan under If-Match into a new draft revision, keeping the history', async () => {
    const created = (await create(201)).body;
    const path = `/api/v1/plans/${created.id}`;
    const approved = (
      await sut.http.post(`${path}/approve`).set('Authorization', coordinator).expect(200)
    ).body;
    const revision = content({ objectives: ['Join the Tifaouine cooperative'] });

    await sut.http.patch(path).set('Authorization', officer).send(revision).expect(428);
    await sut.http
      .patch(path)
      .set('Authorization', officer)
      .set('If-Match', `"${created.version}"`)
      .send(revision)
      .expect(412);
    const revised = await sut.http
      .patch(path)
      .set('Authorization', officer)
      .set('If-Match', `"${approved.version}"`)
      .send(revision)
      .expect(200);

    expect(revised.body).toMatchObject({ status: 'draft', revision: 2, approvedAt: null });
    const history = await sut.http
      .get(`${path}/revisions`)
      .set('Authorization', coordinator)
      .expect(200);
    expect(history.body).toMatchObject([
      {
        revision: 1,
        objectives: ['Open a sewing workshop in Khénifra'],
        approvedAt: expect.any(String),
      },
      { revision: 2, objectives: ['Join the Tifaouine cooperative'], approvedAt: null },
    ]);
  });

  it.each([
    ['an assistance item outside the catalogue', { assistance: [{ item: 'cash-bonus' }] }],
    ['no objective', { objectives: [] }],
    ['an amount as a JSON number', { assistance: [{ item: 'individual-grant', amount: 15000.5 }] }],
    [
      'a vulnerability described in words',
      { assessment: { ...content().assessment, vulnerabilities: ['HIV positive'] } },
    ],
  ])('answers 400 problem+json for %s and stores nothing', async (_what, overrides) => {
    const before = await planCount();

    const response = await create(400, overrides);

    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(await planCount()).toBe(before);
  });

  it("keeps another institution's officer away from the plan, an auditor among them", async () => {
    const created = (await create(201)).body;
    // The auditor role oversees the audit trail; beside another role it widens no scope.
    const otherAuditor = bearer('COOPI', ['project-officer', 'auditor'], 'po-coopi-auditor');

    for (const stranger of [otherOfficer, otherAuditor]) {
      await sut.http.get(`/api/v1/plans/${created.id}`).set('Authorization', stranger).expect(403);
      const listed = await sut.http
        .get('/api/v1/plans')
        .query({ beneficiaryId: created.beneficiaryId })
        .set('Authorization', stranger)
        .expect(200);
      expect(listed.body.items).toEqual([]);
    }
    await create(404, {}, otherOfficer);
  });
});
