import { aBeneficiary } from './factories/beneficiary.factory';
import { auth, RegistrationTestApp } from './support/registration-test-app';

describe('audit trail', () => {
  let sut: RegistrationTestApp;
  const caseWorker = auth('IOM', ['case-worker'], 'amina.iom');
  const coordinator = auth('MINISTRY', ['coordinator'], 'karim.ministry');
  const auditor = auth('CNDP', ['auditor'], 'auditor-1');
  const admin = auth('MINISTRY', ['admin'], 'root');

  const entries = async (query: string, authorization = auditor) =>
    (
      await sut.http
        .get(`/api/v1/audit-entries?${query}`)
        .set('authorization', authorization)
        .expect(200)
    ).body;

  beforeAll(async () => {
    sut = await RegistrationTestApp.start('audit');
  });

  afterAll(async () => {
    await sut?.stop();
  });

  it('records create, read (with the stated reason), update, search and erase, readable by an auditor', async () => {
    const created = (
      await sut.http
        .post('/api/v1/beneficiaries')
        .set('authorization', caseWorker)
        .send(aBeneficiary())
        .expect(201)
    ).body;
    await sut.http
      .get(`/api/v1/beneficiaries/${created.id}`)
      .set('authorization', caseWorker)
      .set('x-access-reason', 'follow-up visit')
      .expect(200);
    await sut.http
      .patch(`/api/v1/beneficiaries/${created.id}`)
      .set('authorization', caseWorker)
      .set('if-match', '"1"')
      .send({ regionCode: '02' })
      .expect(200);
    await sut.http
      .get(`/api/v1/beneficiaries?region=02`)
      .set('authorization', caseWorker)
      .expect(200);
    await sut.http
      .post(`/api/v1/beneficiaries/${created.id}/erasure`)
      .set('authorization', coordinator)
      .send({ reason: 'Request of the person' })
      .expect(200);

    const page = await entries(`resourceId=${created.id}`);

    expect(page.items.map((entry: { action: string }) => entry.action)).toEqual([
      'erase',
      'search',
      'update',
      'read',
      'create',
    ]);
    expect(page.items[3]).toMatchObject({
      actor: { sub: 'amina.iom', org: 'IOM', roles: ['case-worker'] },
      resourceType: 'beneficiary',
      resourceIds: [created.id],
      reason: 'follow-up visit',
      correlationId: expect.any(String),
    });
    expect(page.items[0]).toMatchObject({
      actor: { sub: 'karim.ministry' },
      reason: 'Request of the person',
    });
    expect(page.items[2].details).toEqual({ fields: ['regionCode'] });
  });

  it('filters by actor, action and period, and pages with a cursor', async () => {
    const ids: string[] = [];
    for (let index = 0; index < 3; index += 1) {
      ids.push(
        (
          await sut.http
            .post('/api/v1/beneficiaries')
            .set('authorization', coordinator)
            .send(aBeneficiary())
            .expect(201)
        ).body.id,
      );
    }
    const from = new Date(Date.now() - 60_000).toISOString();

    const first = await entries(`actor=karim.ministry&action=create&from=${from}&limit=2`);
    const second = await entries(
      `actor=karim.ministry&action=create&from=${from}&limit=2&cursor=${first.nextCursor}`,
    );
    const future = await entries(
      `actor=karim.ministry&from=${new Date(Date.now() + 60_000).toISOString()}`,
    );

    expect(
      [...first.items, ...second.items].map(
        (entry: { resourceIds: string[] }) => entry.resourceIds[0],
      ),
    ).toEqual([...ids].reverse());
    expect(second.nextCursor).toBeNull();
    expect(future.items).toEqual([]);
  });

  it('is readable by an admin, not by a case worker or a coordinator', async () => {
    await entries('limit=1', admin);
    const byCaseWorker = await sut.http
      .get('/api/v1/audit-entries')
      .set('authorization', caseWorker);
    const byCoordinator = await sut.http
      .get('/api/v1/audit-entries')
      .set('authorization', coordinator);

    expect(byCaseWorker.status).toBe(403);
    expect(byCoordinator.status).toBe(403);
  });

  it('refuses an auditor access to the personal records themselves', async () => {
    const created = (
      await sut.http
        .post('/api/v1/beneficiaries')
        .set('authorization', caseWorker)
        .send(aBeneficiary())
        .expect(201)
    ).body;

    const read = await sut.http
      .get(`/api/v1/beneficiaries/${created.id}`)
      .set('authorization', auditor);

    expect(read.status).toBe(403);
  });

  it('never lets the auditor role widen another role to every institution', async () => {
    const theirs = (
      await sut.http
        .post('/api/v1/beneficiaries')
        .set('authorization', auth('ANAPEC', ['case-worker'], 'cw.anapec'))
        .send(aBeneficiary())
        .expect(201)
    ).body;
    const auditingCaseWorker = auth('IOM', ['case-worker', 'auditor'], 'amina.audit');

    const read = await sut.http
      .get(`/api/v1/beneficiaries/${theirs.id}`)
      .set('authorization', auditingCaseWorker);
    const list = await sut.http
      .get('/api/v1/beneficiaries?limit=100')
      .set('authorization', auditingCaseWorker);

    expect(read.status).toBe(404);
    expect(list.status).toBe(200);
    expect(list.body.items.map((item: { id: string }) => item.id)).not.toContain(theirs.id);
  });

  it('answers 400 to bad filters', async () => {
    const response = await sut.http
      .get('/api/v1/audit-entries?action=delete&resourceId=42&from=yesterday')
      .set('authorization', auditor);

    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'action',
      'from',
      'resourceId',
    ]);
  });
});
