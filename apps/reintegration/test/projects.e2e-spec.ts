import { projectCreatedV1, projectDisbursementPaidV1, uuidv7 } from '@mrm/contracts';
import type { TestService } from '@mrm/testing';
import {
  analyst,
  awaitEvents,
  coordinator,
  officer,
  otherOfficer,
  rosterPeople,
  sql,
  startReintegration,
} from './support/reintegration-test';

describe('projects (e2e)', () => {
  let sut: TestService;

  const cooperative = (memberIds: string[], overrides: Record<string, unknown> = {}) => ({
    kind: 'collective',
    title: 'Coopérative Tifaouine',
    sector: 'handicraft',
    regionCode: '05',
    commune: 'Khénifra',
    programmeCode: 'MOTUSE',
    members: memberIds.map((beneficiaryId, index) => ({
      beneficiaryId,
      role: index === 0 ? 'president' : 'member',
    })),
    // 0.10 + 0.20 is 0.30000000000000004 in floating point: the sums must say 0.30.
    budgetLines: [
      { kind: 'cash', label: 'Looms', amount: '12000.10' },
      { kind: 'cash', label: 'Wool', amount: '0.20' },
      { kind: 'in-kind', label: 'Workshop rent', amount: '999999999999.99' },
    ],
    ...overrides,
  });
  const create = (body: object, token = officer) =>
    sut.http.post('/api/v1/projects').set('Authorization', token).send(body);
  const projectCount = async () =>
    (await sql<{ n: number }>(sut, 'SELECT count(*)::int AS n FROM project'))[0].n;

  beforeAll(async () => {
    sut = await startReintegration();
  });

  afterAll(async () => {
    await sut?.stop();
  });

  it('creates a cooperative of five members with exact MAD sums in the API, database and event', async () => {
    const members = await rosterPeople(sut, 5);

    const response = await create(cooperative(members)).expect(201);

    expect(response.headers.location).toBe(`/api/v1/projects/${response.body.id}`);
    expect(response.headers.etag).toBe('"1"');
    expect(response.body).toMatchObject({
      ownerOrg: 'IOM',
      kind: 'collective',
      status: 'in-creation',
      chainCode: 'cooperative-112-12',
      chainVersion: '2026-12-01',
      totals: { budget: '12000.30', inKind: '999999999999.99', planned: '0.00', paid: '0.00' },
    });
    expect(response.body.budgetLines.map((line: { amount: string }) => line.amount)).toEqual([
      '12000.10',
      '0.20',
      '999999999999.99',
    ]);
    expect(response.body.members).toHaveLength(5);
    const [stored] = await sql<{ total: string }>(
      sut,
      'SELECT sum(amount)::text AS total FROM project_budget_line WHERE project_id = $1',
      [response.body.id],
    );
    expect(stored.total).toBe('1000000012000.29');
    const [event] = await awaitEvents(sut, {
      type: projectCreatedV1.type,
      subject: response.body.id,
      count: 1,
    });
    expect(event.data).toEqual({
      projectId: response.body.id,
      ownerOrg: 'IOM',
      kind: 'collective',
      sector: 'handicraft',
      regionCode: '05',
      programmeCode: 'MOTUSE',
      chainCode: 'cooperative-112-12',
      chainVersion: '2026-12-01',
      memberIds: [...members].sort(),
      budgetTotal: '12000.30',
      inKindTotal: '999999999999.99',
      createdAt: response.body.createdAt,
    });
  });

  it('plans and pays tranches to the centime, and refuses one beyond the cash budget', async () => {
    const project = (await create(cooperative(await rosterPeople(sut, 5))).expect(201)).body;
    const tranches = `/api/v1/projects/${project.id}/tranches`;
    const plan = (amount: string) =>
      sut.http
        .post(tranches)
        .set('Authorization', officer)
        .send({ amount, plannedOn: '2027-01-15', payingOrg: 'IOM' });
    await plan('6000.10').expect(200);
    const planned = (await plan('6000.20').expect(200)).body;

    const refused = await plan('0.01').expect(422);

    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body.code).toBe('TRANCHES_EXCEED_BUDGET');
    expect(planned.totals.planned).toBe('12000.30');
    const trancheId = planned.tranches[1].id;
    const paid = await sut.http
      .post(`${tranches}/${trancheId}/payment`)
      .set('Authorization', officer)
      .set('If-Match', `"${planned.version}"`)
      .send({ paidOn: '2027-01-20' })
      .expect(200);
    expect(paid.body.totals.paid).toBe('6000.20');
    expect(paid.body.tranches[1]).toMatchObject({ status: 'paid', paidOn: '2027-01-20' });
    const [event] = await awaitEvents(sut, {
      type: projectDisbursementPaidV1.type,
      subject: project.id,
      count: 1,
    });
    expect(event.data).toMatchObject({ amount: '6000.20', paidTotal: '6000.20', sequence: 2 });
    await sut.http
      .post(`${tranches}/${trancheId}/payment`)
      .set('Authorization', officer)
      .send({ paidOn: '2027-01-21' })
      .expect(409);
  });

  it.each([
    ['an amount as a JSON number', { amount: 12000.1 }],
    ['an amount with three decimals', { amount: '1.234' }],
    ['a negative amount', { amount: '-5.00' }],
    ['a zero amount', { amount: '0.00' }],
    ['an amount past numeric(14,2)', { amount: '1000000000000.00' }],
  ])('answers 400 problem+json for %s, and writes nothing', async (_what, line) => {
    const members = await rosterPeople(sut, 5);
    const before = await projectCount();
    const body = cooperative(members, {
      budgetLines: [{ kind: 'cash', label: 'Looms', ...line }],
    });

    const response = await create(body).expect(400);

    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body.errors[0].field).toMatch(/^budgetLines\.0\.amount$/);
    expect(await projectCount()).toBe(before);
  });

  it('answers 400 for an unknown field and 422 for a cooperative of four, writing nothing', async () => {
    const members = await rosterPeople(sut, 5);
    const before = await projectCount();

    await create({ ...cooperative(members), name: 'Fatima' }).expect(400);
    const tooFew = await create(cooperative(members.slice(0, 4))).expect(422);

    expect(tooFew.body.code).toBe('PROJECT_MEMBERS_INVALID');
    expect(await projectCount()).toBe(before);
  });

  it('answers 404 for a member who is not in the roster, writing nothing', async () => {
    const members = await rosterPeople(sut, 4);
    const before = await projectCount();

    const response = await create(cooperative([...members, uuidv7()])).expect(404);

    expect(response.body.code).toBe('ROSTER_BENEFICIARY_NOT_FOUND');
    expect(await projectCount()).toBe(before);
  });

  it("shows a project to its institution and to coordinators, not to another's officer or analysts", async () => {
    const project = (await create(cooperative(await rosterPeople(sut, 5))).expect(201)).body;
    const path = `/api/v1/projects/${project.id}`;

    await sut.http.get(path).set('Authorization', officer).expect(200);
    await sut.http.get(path).set('Authorization', coordinator).expect(200);
    await sut.http.get(path).set('Authorization', otherOfficer).expect(403);
    await sut.http.get(path).set('Authorization', analyst).expect(403);
    const theirs = await sut.http.get('/api/v1/projects').set('Authorization', otherOfficer);
    expect(theirs.body.items).toEqual([]);
  });
});
