import { projectClosedV1, visitOverdueV1, visitRecordedV1, visitScheduledV1 } from '@mrm/contracts';
import { ManualClock, waitFor, type TestService } from '@mrm/testing';
import { TimerSweeper } from '@mrm/timers';
import { COOPERATIVE_STEPS, createCooperative, reach } from './support/project-fixtures';
import {
  awaitEvents,
  officer,
  publishedEvents,
  sql,
  startReintegration,
} from './support/reintegration-test';

// Timers fire only when a test sweeps, after moving the shared clock.
const env = { TIMER_SWEEP_INTERVAL_MS: '0' };

describe('follow-up visits (e2e)', () => {
  const clock = new ManualClock(new Date('2027-03-01T09:00:00Z'));
  let sut: TestService;
  let replica: TestService;

  const operatingCooperative = async (overrides: Record<string, unknown> = {}) => {
    const project = await createCooperative(sut, overrides);
    for (const step of COOPERATIVE_STEPS) await reach(sut, project.id, step).expect(200);
    return project;
  };
  const visitsOf = async (projectId: string) =>
    (
      await sut.http
        .get('/api/v1/visits')
        .query({ projectId })
        .set('Authorization', officer)
        .expect(200)
    ).body.items.sort(
      (a: { sequence: number }, b: { sequence: number }) => a.sequence - b.sequence,
    );
  const report = (overrides: Record<string, unknown> = {}) => ({
    visitedOn: '2027-05-28',
    activityRunning: true,
    monthlyIncome: '3200.50',
    jobsCreated: 3,
    jobsHeldByWomen: 2,
    difficulties: ['market-access'],
    supportStatus: 'ongoing',
    nextSteps: ['continue-monitoring'],
    ...overrides,
  });
  const record = (visitId: string, body: object) =>
    sut.http.post(`/api/v1/visits/${visitId}/record`).set('Authorization', officer).send(body);
  const sweepBoth = async () => {
    const fired = await Promise.all([
      sut.app.get(TimerSweeper).sweepOnce(),
      replica.app.get(TimerSweeper).sweepOnce(),
    ]);
    return fired[0] + fired[1];
  };

  beforeAll(async () => {
    sut = await startReintegration({ clock, env });
    replica = await startReintegration({ clock, env, shareWith: sut });
  });

  afterAll(async () => {
    await replica?.stop();
    await sut?.stop();
  });

  it('schedules visits at 3, 6 and 12 months when a cooperative starts operating', async () => {
    const project = await operatingCooperative();

    const visits = await visitsOf(project.id);

    expect(visits.map((visit: { dueOn: string }) => visit.dueOn)).toEqual([
      '2027-06-01',
      '2027-09-01',
      '2028-03-01',
    ]);
    expect(visits.every((visit: { status: string }) => visit.status === 'scheduled')).toBe(true);
    const events = await awaitEvents(sut, {
      type: visitScheduledV1.type,
      subject: project.id,
      count: 3,
    });
    expect(events.map((event) => event.data)).toMatchObject([
      { monthsAfter: 3, scheduleVersion: '2026-12-01' },
      { monthsAfter: 6 },
      { monthsAfter: 12 },
    ]);
  });

  it("uses a programme's own schedule from the configuration", async () => {
    const project = await operatingCooperative({ programmeCode: 'FORAS' });

    const visits = await visitsOf(project.id);

    expect(visits.map((visit: { monthsAfter: number }) => visit.monthsAfter)).toEqual([
      3, 6, 12, 24,
    ]);
  });

  it('records one visit, makes the next overdue once across two replicas, one restarted, and closes on the last', async () => {
    const project = await operatingCooperative();
    const [first, second, third] = await visitsOf(project.id);
    const recorded = await record(first.id, report()).expect(200);
    expect(recorded.body).toMatchObject({ status: 'recorded', monthlyIncome: '3200.50' });
    const [recordedEvent] = await awaitEvents(sut, {
      type: visitRecordedV1.type,
      subject: project.id,
      count: 1,
    });
    expect(recordedEvent.data).toMatchObject({ monthlyIncome: '3200.50', late: false });

    clock.set(new Date('2027-09-02T00:00:01Z'));
    await replica.stop();
    replica = await startReintegration({ clock, env, shareWith: sut });
    expect(await sweepBoth()).toBeGreaterThanOrEqual(1);
    expect(await sweepBoth()).toBe(0);

    const overdue = await sut.http
      .get('/api/v1/visits')
      .query({ overdue: 'true' })
      .set('Authorization', officer)
      .expect(200);
    const overdueIds = overdue.body.items.map((visit: { id: string }) => visit.id);
    expect(overdueIds).toContain(second.id);
    expect(overdueIds).not.toContain(first.id);
    expect(overdueIds).not.toContain(third.id);
    const rows = await sql(
      sut,
      `SELECT id FROM outbox_message WHERE type = $1 AND payload->'data'->>'visitId' = $2`,
      [visitOverdueV1.type, second.id],
    );
    expect(rows).toHaveLength(1);
    await waitFor(
      async () =>
        (await sql(sut, 'SELECT 1 FROM outbox_message WHERE published_at IS NULL')).length === 0,
      { what: 'the outbox relayed' },
    );
    const onStream = (
      await publishedEvents(sut, { type: visitOverdueV1.type, subject: project.id })
    ).filter((event) => (event.data as { visitId: string }).visitId === second.id);
    expect(onStream).toHaveLength(1);
    expect(onStream[0].data).toMatchObject({ dueOn: '2027-09-01', sequence: 2 });

    const late = await record(second.id, report({ visitedOn: '2027-09-05' })).expect(200);
    expect(late.body.status).toBe('recorded');
    const missingOutcome = await record(third.id, report({ visitedOn: '2028-02-20' })).expect(422);
    expect(missingOutcome.body.code).toBe('VISIT_OUTCOME_REQUIRED');
    await record(third.id, report({ visitedOn: '2028-02-20', outcome: 'sustainable' })).expect(200);
    const [closed] = await awaitEvents(sut, {
      type: projectClosedV1.type,
      subject: project.id,
      count: 1,
    });
    expect(closed.data).toMatchObject({ outcome: 'sustainable', kind: 'collective' });
  });

  it.each([
    ['more jobs held by women than created', { jobsCreated: 1, jobsHeldByWomen: 2 }, 422],
    ['an income as a JSON number', { monthlyIncome: 3200.5 }, 400],
    ['an income with three decimals', { monthlyIncome: '3200.505' }, 400],
    ['a difficulty outside the list', { difficulties: ['Fatima is ill'] }, 400],
    ['an outcome before the last visit', { outcome: 'dormant' }, 422],
  ])('answers %s with problem+json and records nothing', async (_what, overrides, status) => {
    const project = await operatingCooperative();
    const [first] = await visitsOf(project.id);

    const response = await record(first.id, report(overrides)).expect(status);

    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    const [visit] = await sql<{ recorded_at: Date | null }>(
      sut,
      'SELECT recorded_at FROM visit WHERE id = $1',
      [first.id],
    );
    expect(visit.recorded_at).toBeNull();
  });
});
