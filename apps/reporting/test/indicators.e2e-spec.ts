import {
  beneficiaryClosedV1,
  beneficiaryUpdatedV1,
  enrolmentCompletedV1,
  enrolmentCreatedV1,
  planApprovedV1,
  projectCreatedV1,
  projectDisbursementPaidV1,
  projectMilestoneReachedV1,
  referralAcceptedV1,
  referralCompletedV1,
  referralOverdueV1,
  referralRejectedV1,
  referralRequestedV1,
  satisfactionRecordedV1,
  surveyScoredV1,
  uuidv7,
  visitOverdueV1,
  visitRecordedV1,
  visitScheduledV1,
  type EventEnvelope,
} from '@mrm/contracts';
import { aRegisteredEvent, bearer, TestService, waitFor } from '@mrm/testing';
import { ReportingRebuild } from '../src/projections/reporting-rebuild';
import { rebuiltTables } from './support/rebuilt-tables';
import { startReporting } from './support/start-reporting';

// Reporting alone, fed contract events on its bus: every projection, the queries, small-count
// protection, freshness and the rebuild. (The five-service scenario is test/platform's.)
describe('indicators (e2e)', () => {
  let sut: TestService;
  const coordinator = bearer('MINISTRY', ['coordinator']);
  const analyst = bearer('MINISTRY', ['analyst']);
  const at = (iso: string) => ({ time: new Date(iso) });
  const meta = (subject: string, time?: string) => ({
    subject,
    correlationId: uuidv7(),
    ...(time ? at(time) : {}),
  });

  // Twelve people: 9 women and 3 men; two regions; ages across the bands (events in 2026).
  const people = Array.from({ length: 12 }, (_, i) => ({
    beneficiaryId: uuidv7(),
    sex: i < 9 ? 'female' : 'male',
    regionCode: i % 2 === 0 ? '05' : '06',
    birthYear: [2010, 2004, 1996, 1985, 1970][i % 5],
    nationality: i < 10 ? 'MA' : 'SN',
    category: i < 10 ? 'returning-moroccan' : 'foreign-avrr',
  }));
  const courseId = uuidv7();
  const projectId = uuidv7();
  const referralIds = [uuidv7(), uuidv7(), uuidv7()];

  const ask = async (path: string, token = coordinator) =>
    (await sut.http.get(path).set('authorization', token).expect(200)).body as {
      total: { value: number | null; suppressed: boolean };
      groups: Array<{
        keys: Record<string, string>;
        value: number | null;
        suppressed: boolean;
        numerator?: number | null;
        denominator?: number | null;
      }>;
      suppression: { threshold: number; cells: number; complementary: number };
      freshness: Record<string, { appliedUpTo: string | null; lastSequence: number | null }>;
    };
  const total = async (id: string, query = '') =>
    (await ask(`/api/v1/indicators/${id}?from=2026-01-01&to=2027-01-01${query}`)).total.value;

  beforeAll(async () => {
    sut = await startReporting();
    const events: EventEnvelope[] = [];
    people.forEach((person, i) =>
      events.push(
        aRegisteredEvent({
          ...person,
          ownerOrg: 'IOM',
          programmeCode: 'FORAS',
          registeredAt: `2026-0${1 + (i % 3)}-15T10:00:00.000Z`,
        }),
      ),
    );
    // Person 0 closed then reopened, delivered newest first: not closed. Person 1 closed.
    events.push(
      beneficiaryUpdatedV1.build(
        {
          ...people[0],
          ownerOrg: 'IOM',
          programmeCode: 'FORAS',
          status: 'active',
          version: 3,
          updatedAt: '2026-04-02T00:00:00.000Z',
        },
        meta(people[0].beneficiaryId),
      ),
      beneficiaryClosedV1.build(
        {
          beneficiaryId: people[0].beneficiaryId,
          reason: 'other',
          closedAt: '2026-04-01T00:00:00.000Z',
          version: 2,
        },
        meta(people[0].beneficiaryId),
      ),
      beneficiaryClosedV1.build(
        {
          beneficiaryId: people[1].beneficiaryId,
          reason: 'other',
          closedAt: '2026-05-01T00:00:00.000Z',
          version: 2,
        },
        meta(people[1].beneficiaryId),
      ),
    );
    // Training: 6 enrolled in a language course, 5 completed (4 successfully), 3 answers.
    const course = {
      courseId,
      courseKind: 'language',
      programmeCode: 'FORAS',
      organisingOrg: 'ENTRAIDE-NAT',
      regionCode: '05',
    };
    people.slice(0, 6).forEach((person, i) => {
      const participant = {
        ...course,
        enrolmentId: uuidv7(),
        beneficiaryId: person.beneficiaryId,
        category: person.category,
        sex: person.sex,
        birthYear: person.birthYear,
      };
      events.push(enrolmentCreatedV1.build({ ...participant, waiting: false }, meta(courseId)));
      if (i < 5) {
        events.push(
          enrolmentCompletedV1.build(
            {
              ...participant,
              outcome: i < 4 ? 'completed' : 'not-completed',
              hoursAttended: '10.00',
              sessionsAttended: 5,
              sessionsHeld: 5,
            },
            meta(courseId, '2026-06-30T12:00:00.000Z'),
          ),
        );
      }
    });
    [5, 4, 2].forEach((overall) =>
      events.push(
        satisfactionRecordedV1.build(
          { ...course, responseId: uuidv7(), overall, usefulness: 4, wouldRecommend: true },
          meta(courseId, '2026-07-01T00:00:00.000Z'),
        ),
      ),
    );
    // Reintegration: 2 plans (1 on time), a cooperative registered with a grant, visits, a survey.
    [true, false].forEach((onTime, i) =>
      events.push(
        planApprovedV1.build(
          {
            planId: uuidv7(),
            beneficiaryId: people[i].beneficiaryId,
            ownerOrg: 'IOM',
            revision: 1,
            assistance: ['training'],
            dueOn: '2026-03-01',
            onTime,
            approvedAt: '2026-02-20T00:00:00.000Z',
          },
          meta(people[i].beneficiaryId),
        ),
      ),
    );
    events.push(
      projectMilestoneReachedV1.build(
        {
          projectId,
          ownerOrg: 'IOM',
          chainCode: 'cooperative-112-12',
          chainVersion: '2026-12-01',
          milestone: 'registered',
          position: 5,
          reachedOn: '2026-05-10',
          overridden: false,
        },
        meta(projectId),
      ),
      projectCreatedV1.build(
        {
          projectId,
          ownerOrg: 'IOM',
          kind: 'collective',
          sector: 'agriculture',
          regionCode: '05',
          programmeCode: 'FORAS',
          chainCode: 'cooperative-112-12',
          chainVersion: '2026-12-01',
          memberIds: people.slice(0, 5).map((person) => person.beneficiaryId),
          budgetTotal: '150000.00',
          inKindTotal: '0.00',
          createdAt: '2026-03-01T00:00:00.000Z',
        },
        meta(projectId),
      ),
      projectDisbursementPaidV1.build(
        {
          projectId,
          ownerOrg: 'IOM',
          trancheId: uuidv7(),
          sequence: 1,
          amount: '50000.00',
          payingOrg: 'IOM',
          paidOn: '2026-06-01',
          paidTotal: '50000.00',
        },
        meta(projectId),
      ),
    );
    const [visit3, visit6] = [uuidv7(), uuidv7()];
    events.push(
      visitScheduledV1.build(
        {
          visitId: visit3,
          projectId,
          ownerOrg: 'IOM',
          sequence: 1,
          monthsAfter: 3,
          dueOn: '2026-09-01',
          scheduleVersion: 'v1',
        },
        meta(projectId),
      ),
      visitRecordedV1.build(
        {
          visitId: visit3,
          projectId,
          ownerOrg: 'IOM',
          sequence: 1,
          monthsAfter: 3,
          visitedOn: '2026-09-02',
          late: true,
          activityRunning: true,
          monthlyIncome: '3000.00',
          jobsCreated: 2,
          jobsHeldByWomen: 1,
          supportStatus: 'ongoing',
        },
        meta(projectId),
      ),
      visitOverdueV1.build(
        {
          visitId: visit6,
          projectId,
          ownerOrg: 'IOM',
          sequence: 2,
          dueOn: '2026-12-01',
          overdueAt: '2026-12-02T00:00:00.000Z',
        },
        meta(projectId),
      ),
      surveyScoredV1.build(
        {
          responseId: uuidv7(),
          beneficiaryId: people[0].beneficiaryId,
          ownerOrg: 'IOM',
          wave: 'baseline',
          weightsVersion: 'v1',
          economic: '0.5000',
          social: '0.7000',
          psychosocial: '0.9000',
          composite: '0.7000',
          answeredItems: 20,
          scoredAt: '2026-04-01T00:00:00.000Z',
        },
        meta(people[0].beneficiaryId),
      ),
    );
    // Referrals: accepted within deadline then completed; rejected late; never answered, escalated.
    const referral = (i: number, status: string, version: number, extra: object = {}) => ({
      referralId: referralIds[i],
      beneficiaryId: people[i].beneficiaryId,
      referringOrg: 'IOM',
      receivingOrg: 'ANAPEC',
      serviceId: referralIds[0],
      serviceType: 'employment',
      priority: 'normal',
      status,
      version,
      occurredAt: '2026-03-02T00:00:00.000Z',
      requestedAt: '2026-03-01T00:00:00.000Z',
      outcomeReported: false,
      ...extra,
    });
    const answered = (seconds: number, within: boolean) => ({
      secondsToAcknowledge: seconds,
      acknowledgedWithinDeadline: within,
      secondsToAnswer: seconds,
      answeredWithinDeadline: within,
    });
    events.push(
      referralRequestedV1.build(
        { ...referral(0, 'requested', 1), consentOverridden: false, dataCategories: [] },
        meta(referralIds[0]),
      ),
      referralCompletedV1.build(
        {
          ...referral(0, 'completed', 4, { ...answered(86400, true), outcomeReported: true }),
          outcome: 'service-provided',
        },
        meta(referralIds[0]),
      ),
      referralAcceptedV1.build(
        referral(0, 'accepted', 2, answered(86400, true)),
        meta(referralIds[0]),
      ),
      referralRequestedV1.build(
        { ...referral(1, 'requested', 1), consentOverridden: false, dataCategories: [] },
        meta(referralIds[1]),
      ),
      referralRejectedV1.build(
        {
          ...referral(1, 'rejected', 2, answered(3 * 86400, false)),
          rejectionReason: 'ineligible',
        },
        meta(referralIds[1]),
      ),
      referralRequestedV1.build(
        { ...referral(2, 'requested', 1), consentOverridden: false, dataCategories: [] },
        meta(referralIds[2]),
      ),
      referralOverdueV1.build(
        {
          ...referral(2, 'requested', 1, { occurredAt: '2026-03-05T00:00:00.000Z' }),
          deadline: 'acknowledgement',
          dueAt: '2026-03-04T00:00:00.000Z',
        },
        meta(referralIds[2]),
      ),
    );
    for (const event of events) await sut.publish(event);
    await waitFor(
      async () => {
        const answer = await ask('/api/v1/indicators/referral-escalations');
        return (
          answer.freshness.REFERRALS.lastSequence === 7 &&
          answer.freshness.REINTEGRATION.lastSequence === 9 &&
          answer.freshness.TRAINING.lastSequence === 14 &&
          answer.freshness.REGISTRATION.lastSequence === 15
        );
      },
      { what: 'every event projected' },
    );
  });

  afterAll(async () => {
    await sut?.stop();
  });

  it('lists the catalogue with labels in three languages and the disaggregations', async () => {
    const body = (
      await sut.http.get('/api/v1/indicators').set('authorization', analyst).expect(200)
    ).body as { indicators: Array<{ id: string; labels: object; disaggregations: string[] }> };
    expect(body.indicators.length).toBeGreaterThanOrEqual(22);
    expect(body.indicators[0]).toEqual(
      expect.objectContaining({
        id: 'beneficiaries-registered',
        labels: expect.objectContaining({ fr: expect.any(String), ar: expect.any(String) }),
        disaggregations: expect.arrayContaining(['sex', 'ageBand', 'period']),
      }),
    );
  });

  it('answers every indicator as computed by hand', async () => {
    expect(await total('beneficiaries-registered')).toBe(12);
    expect(await total('beneficiaries-closed')).toBe(1);
    expect(await total('beneficiaries-active')).toBe(11);
    expect(await total('people-trained')).toBe(4);
    expect(await total('training-completion-rate')).toBeCloseTo(4 / 5);
    expect(await total('training-satisfaction-rate')).toBeCloseTo(2 / 3);
    expect(await total('plans-approved-within-30-days')).toBeCloseTo(1 / 2);
    expect(await total('projects')).toBe(1);
    expect(await total('cooperatives-legally-registered')).toBe(1);
    expect(await total('grants-disbursed')).toBe(50000);
    expect(await total('project-survival-3m')).toBe(1);
    expect(await total('project-survival-6m')).toBeNull();
    expect(await total('visits-overdue')).toBe(1);
    expect(await total('sustainability-score')).toBeCloseTo(0.7);
    expect(await total('referrals')).toBe(3);
    expect(await total('referral-acceptance-rate')).toBeCloseTo(1 / 2);
    expect(await total('referral-median-days-to-acknowledge')).toBeCloseTo(2);
    expect(await total('referral-median-days-to-answer')).toBeCloseTo(2);
    expect(await total('referrals-answered-within-deadline')).toBeCloseTo(1 / 3);
    expect(await total('referrals-closed-loop')).toBe(1);
    expect(await total('referral-escalations')).toBe(1);
  });

  it('disaggregates by one or two dimensions, age at the time of the event', async () => {
    const byAge = await ask('/api/v1/indicators/people-trained?groupBy=ageBand');
    // Completed in 2026 by people born 2010, 2004, 1996, 1985 (the 1970-born did not succeed).
    expect(byAge.groups.map((group) => [group.keys.ageBand, group.value])).toEqual([
      ['0-17', 1],
      ['18-24', 1],
      ['25-34', 1],
      ['35-49', 1],
    ]);
    const twoWay = await ask('/api/v1/indicators/beneficiaries-registered?groupBy=sex,region');
    expect(twoWay.groups.map((group) => [group.keys.sex, group.keys.region, group.value])).toEqual([
      ['female', '05', 5],
      ['female', '06', 4],
      ['male', '05', 1],
      ['male', '06', 2],
    ]);
    const scores = await ask('/api/v1/indicators/sustainability-score?groupBy=scoreDimension');
    expect(scores.groups.map((group) => [group.keys.scoreDimension, group.value])).toEqual([
      ['composite', 0.7],
      ['economic', 0.5],
      ['psychosocial', 0.9],
      ['social', 0.7],
    ]);
    const byPeriod = await ask(
      '/api/v1/indicators/beneficiaries-registered?groupBy=period&period=quarter&region=05',
    );
    expect(byPeriod.groups.map((group) => [group.keys.period, group.value])).toEqual([
      ['2026-Q1', 6],
    ]);
  });

  it('hides a cell of 3 and its complement from an analyst, not from a coordinator', async () => {
    const exact = await ask('/api/v1/indicators/beneficiaries-registered?groupBy=sex');
    expect(exact.groups.map((group) => group.value)).toEqual([9, 3]);
    expect(exact.suppression).toEqual({ threshold: 0, cells: 0, complementary: 0 });

    const published = await ask('/api/v1/indicators/beneficiaries-registered?groupBy=sex', analyst);
    expect(
      published.groups.map((group) => [group.keys.sex, group.value, group.suppressed]),
    ).toEqual([
      ['female', null, true],
      ['male', null, true],
    ]);
    expect(published.total).toEqual({ value: 12, suppressed: false });
    expect(published.suppression).toEqual({ threshold: 5, cells: 1, complementary: 1 });
    // Aggregates only: no id of any person, project or referral anywhere in the answer.
    expect(JSON.stringify(published)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('refuses bad questions with a problem, impossible dates included', async () => {
    for (const [path, status] of [
      ['/api/v1/indicators/no-such-thing', 404],
      ['/api/v1/indicators/projects?groupBy=sex', 400],
      ['/api/v1/indicators/referrals?groupBy=sex,region,period', 400],
      ['/api/v1/indicators/referrals?from=2026-02-30', 400],
      ['/api/v1/indicators/referrals?to=0000-01-01', 400],
      ['/api/v1/indicators/referrals?from=2026-05-01&to=2026-01-01', 400],
      ['/api/v1/indicators/beneficiaries?groupBy=sex&registeredFrom=2026-13-45', 400],
      ['/api/v1/indicators/beneficiaries?groupBy=sex&registeredFrom=2026-02-30', 400],
      ['/api/v1/indicators/beneficiaries?groupBy=sex&registeredTo=0000-01-01', 400],
    ] as const) {
      const response = await sut.http.get(path).set('authorization', coordinator);
      expect({ path, status: response.status, type: response.type }).toEqual({
        path,
        status,
        type: 'application/problem+json',
      });
    }
    await sut.http
      .get('/api/v1/indicators/referrals')
      .set('authorization', bearer('IOM', ['case-worker']))
      .expect(403);
    // The first route counts without small-count protection: not for those below coordinator.
    await sut.http
      .get('/api/v1/indicators/beneficiaries?groupBy=sex')
      .set('authorization', analyst)
      .expect(403);
  });

  it('rebuilds every table from the streams to the live figures, swapping them in', async () => {
    const snapshot = () => rebuiltTables(sut.app);
    const live = await snapshot();
    const liveFigures = await ask('/api/v1/indicators/referrals?groupBy=status');

    const results = await sut.app.get(ReportingRebuild).rebuild();
    expect(results.REGISTRATION.read).toBe(15);

    expect(await snapshot()).toEqual(live);
    expect(await ask('/api/v1/indicators/referrals?groupBy=status')).toEqual(liveFigures);
    // Twice: the same again (no leftovers of the first run in the way).
    await sut.app.get(ReportingRebuild).rebuild();
    expect(await snapshot()).toEqual(live);
  });
});
