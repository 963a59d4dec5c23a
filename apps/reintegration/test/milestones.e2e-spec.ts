import { projectMilestoneReachedV1, projectOperatingV1 } from '@mrm/contracts';
import type { TestService } from '@mrm/testing';
import { COOPERATIVE_STEPS, createCooperative, reach } from './support/project-fixtures';
import { awaitEvents, officer, sql, startReintegration } from './support/reintegration-test';

describe('legal milestones (e2e)', () => {
  let sut: TestService;

  const milestoneCount = async (projectId: string) =>
    (
      await sql<{ n: number }>(
        sut,
        'SELECT count(*)::int AS n FROM project_milestone WHERE project_id = $1',
        [projectId],
      )
    )[0].n;

  beforeAll(async () => {
    sut = await startReintegration();
  });

  afterAll(async () => {
    await sut?.stop();
  });

  it('walks a cooperative of five through every law 112-12 milestone, refusing one out of order', async () => {
    const project = await createCooperative(sut);

    const early = await reach(sut, project.id, { milestone: 'statutes-signed' }).expect(409);
    expect(early.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(early.body).toMatchObject({
      code: 'MILESTONE_OUT_OF_ORDER',
      detail: 'The next milestone is name-approved',
    });
    expect(await milestoneCount(project.id)).toBe(0);
    let last;
    for (const step of COOPERATIVE_STEPS) {
      last = await reach(sut, project.id, step).expect(200);
    }

    expect(last?.body.next).toBeNull();
    expect(last?.body.steps.every((step: { reachedOn: string }) => step.reachedOn)).toBe(true);
    const state = await sut.http
      .get(`/api/v1/projects/${project.id}`)
      .set('Authorization', officer)
      .expect(200);
    expect(state.body).toMatchObject({ status: 'operating', operatingSince: '2027-03-01' });
    const reached = await awaitEvents(sut, {
      type: projectMilestoneReachedV1.type,
      subject: project.id,
      count: 8,
    });
    expect(reached.map((event) => event.data)).toEqual(
      COOPERATIVE_STEPS.map((step, index) => ({
        projectId: project.id,
        ownerOrg: 'IOM',
        chainCode: 'cooperative-112-12',
        chainVersion: '2026-12-01',
        milestone: step.milestone,
        position: index + 1,
        reachedOn: '2027-03-01',
        overridden: false,
      })),
    );
    const [operating] = await awaitEvents(sut, {
      type: projectOperatingV1.type,
      subject: project.id,
      count: 1,
    });
    expect(operating.data).toMatchObject({ operatingSince: '2027-03-01', kind: 'collective' });
  });

  it('reaches a milestone out of order with a reason, and marks it overridden', async () => {
    const project = await createCooperative(sut);

    const response = await reach(sut, project.id, {
      milestone: 'statutes-signed',
      overrideReason: 'The ODCO certificate is on its way by post',
    }).expect(200);

    expect(response.body.next).toBe('name-approved');
    expect(response.body.steps[1]).toMatchObject({
      code: 'statutes-signed',
      overrideReason: 'The ODCO certificate is on its way by post',
    });
    const [event] = await awaitEvents(sut, {
      type: projectMilestoneReachedV1.type,
      subject: project.id,
      count: 1,
    });
    expect(event.data).toMatchObject({ milestone: 'statutes-signed', overridden: true });
  });

  it('refuses a capital below 1,000 MAD to the centime, and a repeated milestone', async () => {
    const project = await createCooperative(sut);
    await reach(sut, project.id, { milestone: 'name-approved' }).expect(200);
    await reach(sut, project.id, { milestone: 'statutes-signed' }).expect(200);

    const below = await reach(sut, project.id, {
      milestone: 'bank-account-opened',
      amount: '999.99',
    }).expect(422);
    const missing = await reach(sut, project.id, { milestone: 'bank-account-opened' }).expect(422);
    const again = await reach(sut, project.id, { milestone: 'name-approved' }).expect(409);

    expect(below.body.code).toBe('MILESTONE_AMOUNT_BELOW_MINIMUM');
    expect(missing.body.code).toBe('MILESTONE_AMOUNT_REQUIRED');
    expect(again.body.code).toBe('MILESTONE_ALREADY_REACHED');
    expect(await milestoneCount(project.id)).toBe(2);
  });

  it.each([
    ['a step of another chain', { milestone: 'auto-entrepreneur-card' }, 422],
    ['a date that is not a date', { milestone: 'name-approved', reachedOn: '2027-02-30' }, 400],
    ['a reason too short to say anything', { milestone: 'registered', overrideReason: 'x' }, 400],
    ['no evidence reference', { milestone: 'name-approved', evidenceRef: '' }, 400],
  ])('answers %s with problem+json and records nothing', async (_what, body, status) => {
    const project = await createCooperative(sut);

    const response = await reach(sut, project.id, body).expect(status);

    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(await milestoneCount(project.id)).toBe(0);
  });

  it('answers 412 for a stale If-Match', async () => {
    const project = await createCooperative(sut);

    await sut.http
      .post(`/api/v1/projects/${project.id}/milestones`)
      .set('Authorization', officer)
      .set('If-Match', '"7"')
      .send({ milestone: 'name-approved', reachedOn: '2027-03-01', evidenceRef: 'ODCO-1' })
      .expect(412);

    expect(await milestoneCount(project.id)).toBe(0);
  });
});
