import { projectCreatedV1, projectMilestoneReachedV1 } from '@mrm/contracts';
import { ManualClock, type TestService } from '@mrm/testing';
import { createCooperative, reach } from './support/project-fixtures';
import { awaitEvents, officer, sql, startReintegration } from './support/reintegration-test';

const DAY = 86_400_000;

// A date far from the wall clock, so that a time taken from the system cannot pass for it.
describe('project times follow the service clock (e2e)', () => {
  const created = new Date('2031-05-12T09:30:00.000Z');
  const clock = new ManualClock(created);
  let sut: TestService;

  beforeAll(async () => {
    sut = await startReintegration({ clock });
  });

  afterAll(async () => {
    await sut?.stop();
  });

  it('stamps a project, its tranches and milestones with the manual clock', async () => {
    const project = await createCooperative(sut);

    const read = await sut.http
      .get(`/api/v1/projects/${project.id}`)
      .set('Authorization', officer)
      .expect(200);
    expect(read.body).toMatchObject({
      createdAt: created.toISOString(),
      updatedAt: created.toISOString(),
    });
    const [event] = await awaitEvents(sut, {
      type: projectCreatedV1.type,
      subject: project.id,
      count: 1,
    });
    expect(event).toMatchObject({
      time: created.toISOString(),
      data: expect.objectContaining({ createdAt: created.toISOString() }),
    });

    clock.advance(2 * DAY);
    const later = clock.now().toISOString();
    await sut.http
      .post(`/api/v1/projects/${project.id}/tranches`)
      .set('Authorization', officer)
      .send({ amount: '500.00', plannedOn: '2031-06-01', payingOrg: 'IOM' })
      .expect(200);
    await reach(sut, project.id, { milestone: 'name-approved' }).expect(200);

    const [stamps] = await sql<{ tranche: Date; milestone: Date; updated: Date }>(
      sut,
      `SELECT (SELECT created_at FROM project_tranche WHERE project_id = $1) AS tranche,
              (SELECT recorded_at FROM project_milestone WHERE project_id = $1) AS milestone,
              (SELECT updated_at FROM project WHERE id = $1) AS updated`,
      [project.id],
    );
    expect(
      [stamps.tranche, stamps.milestone, stamps.updated].map((at) => at.toISOString()),
    ).toEqual([later, later, later]);
    const [reached] = await awaitEvents(sut, {
      type: projectMilestoneReachedV1.type,
      subject: project.id,
      count: 1,
    });
    expect(reached.time).toBe(later);
  });
});
