import type { TestService } from '@mrm/testing';
import { FiveServices } from '../five-services.platform';
import { addDays, coordinator, DAY, onRoster, projectOfficer } from './scenario-actors';

/** Plans of 14..19 approved today: 14..17 returned 10 days ago, 18 and 19 60 days ago. */
export const PLANS = { onTime: [14, 15, 16, 17], late: [18, 19], neverApproved: [20] };

/**
 * Three projects under FORAS (visits at 3, 6, 12 and 24 months after operating). Each pays its
 * tranches before the grant milestone; the community project also plans one it never pays.
 * Each visit is recorded on its due date, running or stopped; or `never` recorded, hence overdue
 * once the clock has moved 400 days on (the 24-month visits are not due by then); or recorded
 * only after falling overdue, stopped.
 */
export const PROJECTS = [
  {
    kind: 'collective',
    sector: 'handicraft',
    regionCode: '05',
    members: [20, 21, 22, 23, 24],
    budget: '45000.00',
    paid: ['40000.00'],
    unpaid: [] as string[],
    steps: [
      'name-approved',
      'statutes-signed',
      'bank-account-opened',
      'filed-at-local-register',
      'registered',
      'tax-id-obtained',
      'grant-disbursed',
      'operating',
    ],
    operatingDaysAgo: 10,
    visits: { 3: 'running', 6: 'running', 12: 'running' } satisfies Record<number, VisitCourse>,
  },
  {
    kind: 'individual',
    sector: 'retail',
    regionCode: '06',
    members: [25],
    budget: '15000.00',
    paid: ['8000.00', '4000.50'],
    unpaid: [] as string[],
    steps: [
      'registration-filed',
      'auto-entrepreneur-card',
      'tax-id-obtained',
      'grant-disbursed',
      'operating',
    ],
    operatingDaysAgo: 12,
    visits: { 3: 'stopped', 6: 'running', 12: 'never' } satisfies Record<number, VisitCourse>,
  },
  {
    kind: 'community',
    sector: 'agriculture',
    regionCode: '07',
    members: [26, 27, 28],
    budget: '35000.00',
    paid: ['30000.00'],
    unpaid: ['5000.00'],
    steps: ['business-plan-validated', 'grant-disbursed', 'operating'],
    operatingDaysAgo: 14,
    visits: { 3: 'running', 6: 'stopped after falling overdue', 12: 'never' } satisfies Record<
      number,
      VisitCourse
    >,
  },
] as const;

type VisitCourse = 'running' | 'stopped' | 'never' | 'stopped after falling overdue';

// RSS answers (apps/reintegration/config/survey-weights.json) that score 1 or 0 on every item.
const ECONOMIC_GOOD = {
  'economic-satisfaction': 'very-satisfied',
  'food-insecurity': 'never',
  'access-to-credit': 'yes',
  'debt-above-income': 'no',
  employment: 'yes',
  'productive-assets': 'yes',
};
const ECONOMIC_BAD = {
  'economic-satisfaction': 'very-dissatisfied',
  'food-insecurity': 'always',
  'access-to-credit': 'no',
  'debt-above-income': 'yes',
  employment: 'no',
  'productive-assets': 'no',
};
const SOCIAL_ITEMS = [
  'housing-access',
  'education-access',
  'justice-access',
  'documents-access',
  'water-access',
  'health-care-access',
];
const social = (answer: 'good' | 'fair') =>
  Object.fromEntries(SOCIAL_ITEMS.map((item) => [item, answer]));
const PSYCHOSOCIAL_GOOD = {
  'social-participation': 'always',
  'support-network': 'yes',
  'sense-of-belonging': 'yes',
  discrimination: 'never',
  'feeling-safe': 'yes',
  'signs-of-distress': 'never',
  'wish-psychological-support': 'no',
  'feeling-able-to-stay': 'yes',
};
const PSYCHOSOCIAL_BAD = {
  'social-participation': 'never',
  'support-network': 'no',
  'sense-of-belonging': 'no',
  discrimination: 'always',
  'feeling-safe': 'no',
  'signs-of-distress': 'always',
  'wish-psychological-support': 'yes',
  'feeling-able-to-stay': 'no',
};

/**
 * Baseline RSS surveys, scored under the shipped equal weights. 20: every item at 1. 25:
 * economic 0, social 0.5, psychosocial 1. 26: only 3 economic items answered (below the 4
 * needed: economic and composite withheld), social 1, psychosocial 0.
 */
export const SURVEYS: Array<{ person: number; answers: Record<string, string> }> = [
  { person: 20, answers: { ...ECONOMIC_GOOD, ...social('good'), ...PSYCHOSOCIAL_GOOD } },
  { person: 25, answers: { ...ECONOMIC_BAD, ...social('fair'), ...PSYCHOSOCIAL_GOOD } },
  {
    person: 26,
    answers: {
      'economic-satisfaction': 'satisfied',
      employment: 'yes',
      'access-to-credit': 'no',
      ...social('good'),
      ...PSYCHOSOCIAL_BAD,
    },
  },
];

interface VisitRecord {
  readonly id: string;
  readonly visitedOn: string;
  readonly running: boolean;
}

/** Plans, projects with their milestones, tranches and visits, RSS surveys; then 400 days on. */
export async function runReintegration(platform: FiveServices, ids: string[]): Promise<void> {
  const { reintegration, reintegrationClock: clock } = platform;
  const today = clock.now().toISOString().slice(0, 10);
  const people = [
    ...PLANS.onTime,
    ...PLANS.late,
    ...PLANS.neverApproved,
    ...PROJECTS.flatMap((project) => project.members),
  ];
  await onRoster(
    reintegration,
    projectOfficer,
    people.map((person) => ids[person]),
  );
  await runPlans(reintegration, ids, today);
  const onTime: VisitRecord[] = [];
  const afterOverdue: VisitRecord[] = [];
  for (const project of PROJECTS) {
    const visits = await runProject(reintegration, project, ids, today);
    onTime.push(...visits.onTime);
    afterOverdue.push(...visits.afterOverdue);
  }
  for (const visit of onTime) await recordVisit(reintegration, visit);
  for (const survey of SURVEYS) {
    await reintegration.http
      .post('/api/v1/surveys')
      .set('authorization', projectOfficer)
      .send({
        beneficiaryId: ids[survey.person],
        wave: 'baseline',
        answeredOn: today,
        answers: survey.answers,
      })
      .expect(201);
  }

  // 400 days on, every visit up to 12 months is past due; those never recorded fall overdue.
  clock.advance(400 * DAY);
  await FiveServices.sweep(reintegration);
  for (const visit of afterOverdue) await recordVisit(reintegration, visit);
}

async function runPlans(reintegration: TestService, ids: string[], today: string): Promise<void> {
  const plans = [
    ...PLANS.onTime.map((person) => ({ person, returned: addDays(today, -10), approve: true })),
    ...PLANS.late.map((person) => ({ person, returned: addDays(today, -60), approve: true })),
    ...PLANS.neverApproved.map((person) => ({ person, returned: today, approve: false })),
  ];
  for (const plan of plans) {
    const created = await reintegration.http
      .post('/api/v1/plans')
      .set('authorization', projectOfficer)
      .send({
        beneficiaryId: ids[plan.person],
        referenceDate: plan.returned,
        assessment: {
          economicNeeds: ['income', 'business-start'],
          socialNeeds: ['housing'],
          psychosocialNeeds: [],
          skills: [],
          vulnerabilities: [],
        },
        objectives: ['Retrouver un revenu stable'],
        assistance: [{ item: 'individual-grant', amount: '15000.00' }],
      })
      .expect(201);
    if (plan.approve) {
      await reintegration.http
        .post(`/api/v1/plans/${(created.body as { id: string }).id}/approve`)
        .set('authorization', coordinator)
        .expect(200);
    }
  }
}

/** Creates the project and walks its chain to `operating`; returns the visits to record. */
async function runProject(
  reintegration: TestService,
  project: (typeof PROJECTS)[number],
  ids: string[],
  today: string,
): Promise<{ onTime: VisitRecord[]; afterOverdue: VisitRecord[] }> {
  const { id } = (
    await reintegration.http
      .post('/api/v1/projects')
      .set('authorization', projectOfficer)
      .send({
        kind: project.kind,
        title: `Projet ${project.sector}`,
        sector: project.sector,
        regionCode: project.regionCode,
        commune: 'Commune urbaine',
        programmeCode: 'FORAS',
        members: project.members.map((person, index) => ({
          beneficiaryId: ids[person],
          role: project.kind === 'individual' ? 'owner' : index === 0 ? 'president' : 'member',
        })),
        budgetLines: [{ kind: 'cash', label: 'Équipement', amount: project.budget }],
      })
      .expect(201)
  ).body as { id: string };
  // One step every 5 days, the last (operating) `operatingDaysAgo` days before today.
  const steps = project.steps.length;
  for (const [index, milestone] of project.steps.entries()) {
    const reachedOn = addDays(today, -project.operatingDaysAgo - 5 * (steps - 1 - index));
    if (milestone === 'grant-disbursed') await payTranches(reintegration, id, project, reachedOn);
    await reintegration.http
      .post(`/api/v1/projects/${id}/milestones`)
      .set('authorization', projectOfficer)
      .send({
        milestone,
        reachedOn,
        evidenceRef: `REF-${milestone}`,
        ...(milestone === 'bank-account-opened' ? { amount: '1000.00' } : {}),
      })
      .expect(200);
  }
  const visits = (
    await reintegration.http
      .get('/api/v1/visits')
      .query({ projectId: id })
      .set('authorization', projectOfficer)
      .expect(200)
  ).body.items as Array<{ id: string; monthsAfter: number; dueOn: string }>;
  const onTime: VisitRecord[] = [];
  const afterOverdue: VisitRecord[] = [];
  for (const visit of visits) {
    const course = (project.visits as Record<number, VisitCourse | undefined>)[visit.monthsAfter];
    if (course === 'running' || course === 'stopped') {
      onTime.push({ id: visit.id, visitedOn: visit.dueOn, running: course === 'running' });
    }
    if (course === 'stopped after falling overdue') {
      afterOverdue.push({ id: visit.id, visitedOn: addDays(visit.dueOn, 30), running: false });
    }
  }
  return { onTime, afterOverdue };
}

/** Records a follow-up visit, the activity running or stopped. */
async function recordVisit(reintegration: TestService, visit: VisitRecord): Promise<void> {
  await reintegration.http
    .post(`/api/v1/visits/${visit.id}/record`)
    .set('authorization', projectOfficer)
    .send({
      visitedOn: visit.visitedOn,
      activityRunning: visit.running,
      monthlyIncome: visit.running ? '3000.00' : '0.00',
      jobsCreated: visit.running ? 2 : 0,
      jobsHeldByWomen: visit.running ? 1 : 0,
      difficulties: visit.running ? ['market-access'] : ['financing'],
      supportStatus: 'ongoing',
      nextSteps: ['continue-monitoring'],
    })
    .expect(200);
}

async function payTranches(
  reintegration: TestService,
  projectId: string,
  project: (typeof PROJECTS)[number],
  paidOn: string,
): Promise<void> {
  const tranches = `/api/v1/projects/${projectId}/tranches`;
  for (const amount of [...project.paid, ...project.unpaid]) {
    const planned = (
      await reintegration.http
        .post(tranches)
        .set('authorization', projectOfficer)
        .send({ amount, plannedOn: paidOn, payingOrg: 'IOM' })
        .expect(200)
    ).body as { tranches: Array<{ id: string }> };
    if (!(project.paid as readonly string[]).includes(amount)) continue;
    const trancheId = planned.tranches[planned.tranches.length - 1].id;
    await reintegration.http
      .post(`${tranches}/${trancheId}/payment`)
      .set('authorization', projectOfficer)
      .send({ paidOn })
      .expect(200);
  }
}
