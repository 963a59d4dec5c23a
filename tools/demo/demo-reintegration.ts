import { ACTORS, ORG, type DemoContext, type RegisteredPerson } from './demo-context';
import { addDays } from './demo-random';
import { recordSurveys } from './demo-surveys';

export interface ReintegrationSummary {
  plans: number;
  projects: number;
  operating: number;
  milestones: number;
  grantsMad: number;
  visits: number;
  surveys: number;
}

/** A kind of project, its chain of milestones (apps/reintegration/config) and its shape. */
const PROJECT_SHAPES = {
  individual: {
    members: 1,
    sectors: ['carpentry', 'retail', 'tailoring', 'transport', 'services'],
    steps: [
      'registration-filed',
      'auto-entrepreneur-card',
      'tax-id-obtained',
      'grant-disbursed',
      'operating',
    ],
    grant: [12_000, 18_000],
  },
  collective: {
    members: 5,
    sectors: ['handicraft', 'agriculture', 'food-processing'],
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
    grant: [45_000, 80_000],
  },
  community: {
    members: 3,
    sectors: ['water', 'agriculture', 'education'],
    steps: ['business-plan-validated', 'grant-disbursed', 'operating'],
    grant: [30_000, 60_000],
  },
} as const;
type Kind = keyof typeof PROJECT_SHAPES;

/** Plans for the returnees, projects with their legal steps, grants, visits and RSS surveys. */
export async function runReintegration(
  ctx: DemoContext,
  people: RegisteredPerson[],
): Promise<ReintegrationSummary> {
  const summary: ReintegrationSummary = {
    plans: 0,
    projects: 0,
    operating: 0,
    milestones: 0,
    grantsMad: 0,
    visits: 0,
    surveys: 0,
  };
  const returnees = people.filter((p) =>
    ['returning-moroccan', 'foreign-avrr'].includes(p.category),
  );
  for (const person of ctx.random.sample(returnees, Math.round(returnees.length * 0.6))) {
    await planFor(ctx, person);
    summary.plans += 1;
  }
  const counts: Record<Kind, number> = {
    individual: Math.max(1, Math.round(people.length / 12)),
    collective: Math.max(1, Math.round(people.length / 40)),
    community: Math.max(1, Math.round(people.length / 100)),
  };
  const pool = ctx.random.sample(people, people.length);
  const members: RegisteredPerson[] = [];
  for (const kind of Object.keys(counts) as Kind[]) {
    for (let i = 0; i < counts[kind]; i += 1) {
      const group = pool.splice(0, PROJECT_SHAPES[kind].members);
      if (group.length < PROJECT_SHAPES[kind].members) break;
      members.push(...group);
      await project(ctx, { kind, group, summary });
    }
  }
  ctx.log(`  ${summary.projects} projects, ${summary.operating} operating`);
  summary.surveys = await recordSurveys(ctx, members);
  return summary;
}

async function planFor(ctx: DemoContext, person: RegisteredPerson): Promise<void> {
  // Recent returnees get their plan approved within the month; the others later than that.
  const referenceDate = ctx.random.chance(0.6)
    ? addDays(ctx.today, -ctx.random.int(3, 25))
    : person.arrivedOn;
  const { body } = await ctx.client.call<{ id: string; version: number }>({
    service: 'reintegration',
    method: 'POST',
    path: '/api/v1/plans',
    as: ACTORS.projectOfficer,
    body: {
      beneficiaryId: person.id,
      referenceDate,
      assessment: {
        economicNeeds: ctx.random.sample(['income', 'employment', 'business-start', 'debt'], 2),
        socialNeeds: ctx.random.sample(['housing', 'documents', 'health-care'], 1),
        psychosocialNeeds: ctx.random.chance(0.3) ? ['counselling'] : [],
        skills: [],
        vulnerabilities: [],
      },
      objectives: ['Retrouver un revenu stable'],
      assistance: [{ item: 'individual-grant', amount: '15000.00' }, { item: 'business-training' }],
    },
  });
  if (ctx.random.chance(0.85)) {
    await ctx.client.call({
      service: 'reintegration',
      method: 'POST',
      path: `/api/v1/plans/${body.id}/approve`,
      as: ACTORS.coordinator,
      expect: [200],
    });
  }
}

async function project(
  ctx: DemoContext,
  input: { kind: Kind; group: RegisteredPerson[]; summary: ReintegrationSummary },
): Promise<void> {
  const shape = PROJECT_SHAPES[input.kind];
  const grant = ctx.random.int(shape.grant[0] / 500, shape.grant[1] / 500) * 500;
  const { body } = await ctx.client.call<{ id: string }>({
    service: 'reintegration',
    method: 'POST',
    path: '/api/v1/projects',
    as: ACTORS.projectOfficer,
    body: {
      kind: input.kind,
      title: `${input.kind === 'collective' ? 'Coopérative' : 'Projet'} ${String(input.group[0].body.lastName)}`,
      sector: ctx.random.pick(shape.sectors),
      regionCode: input.group[0].regionCode,
      commune: 'Commune urbaine',
      programmeCode: ctx.programmeCode,
      members: input.group.map((person, index) => ({
        beneficiaryId: person.id,
        role: input.kind === 'individual' ? 'owner' : index === 0 ? 'president' : 'member',
      })),
      budgetLines: [{ kind: 'cash', label: 'Équipement', amount: `${grant}.00` }],
    },
  });
  input.summary.projects += 1;
  // Three in four projects make it to operating in the year; the others stop on the way.
  const reach = ctx.random.chance(0.75)
    ? shape.steps.length
    : ctx.random.int(1, shape.steps.length - 2);
  let day = addDays(`${ctx.year}-01-15`, ctx.random.int(0, 150));
  for (const milestone of shape.steps.slice(0, reach)) {
    day = addDays(day, ctx.random.int(7, 21));
    if (milestone === 'grant-disbursed') {
      await disburse(ctx, { projectId: body.id, amount: grant, day });
      input.summary.grantsMad += grant;
    }
    await ctx.client.call({
      service: 'reintegration',
      method: 'POST',
      path: `/api/v1/projects/${body.id}/milestones`,
      as: ACTORS.projectOfficer,
      body: {
        milestone,
        reachedOn: day,
        evidenceRef: `DEMO-${milestone}`,
        ...(milestone === 'bank-account-opened' ? { amount: '1000.00' } : {}),
      },
      expect: [200, 201],
    });
    input.summary.milestones += 1;
  }
  if (reach === shape.steps.length) {
    input.summary.operating += 1;
    input.summary.visits += await visits(ctx, body.id);
  }
}

async function disburse(
  ctx: DemoContext,
  input: { projectId: string; amount: number; day: string },
): Promise<void> {
  const { body } = await ctx.client.call<{ id: string; tranches?: Array<{ id: string }> }>({
    service: 'reintegration',
    method: 'POST',
    path: `/api/v1/projects/${input.projectId}/tranches`,
    as: ACTORS.projectOfficer,
    body: { amount: `${input.amount}.00`, plannedOn: input.day, payingOrg: ORG },
  });
  const trancheId = body.tranches?.[body.tranches.length - 1]?.id ?? body.id;
  await ctx.client.call({
    service: 'reintegration',
    method: 'POST',
    path: `/api/v1/projects/${input.projectId}/tranches/${trancheId}/payment`,
    as: ACTORS.projectOfficer,
    body: { paidOn: input.day },
    expect: [200, 201],
  });
}

/** Records most visits already due (a few on time, most a little late); leaves some overdue. */
async function visits(ctx: DemoContext, projectId: string): Promise<number> {
  const { body } = await ctx.client.call<{
    items: Array<{ id: string; dueOn: string; sequence: number }>;
  }>({
    service: 'reintegration',
    method: 'GET',
    path: `/api/v1/visits?projectId=${projectId}`,
    as: ACTORS.projectOfficer,
    retryOn: [404],
  });
  const due = body.items
    .filter((visit) => visit.dueOn < ctx.today)
    .sort((a, b) => a.sequence - b.sequence);
  const last = Math.max(...body.items.map((visit) => visit.sequence));
  let recorded = 0;
  for (const visit of due) {
    if (!ctx.random.chance(0.85)) break;
    const visitedOn = addDays(visit.dueOn, ctx.random.int(-5, 20));
    const running = ctx.random.chance(0.85);
    const jobs = running ? ctx.random.int(1, 4) : 0;
    await ctx.client.call({
      service: 'reintegration',
      method: 'POST',
      path: `/api/v1/visits/${visit.id}/record`,
      as: ACTORS.projectOfficer,
      body: {
        visitedOn: visitedOn < ctx.today ? visitedOn : ctx.today,
        activityRunning: running,
        monthlyIncome: running ? `${ctx.random.int(15, 60) * 100}.00` : '0.00',
        jobsCreated: jobs,
        jobsHeldByWomen: ctx.random.int(0, jobs),
        difficulties: running ? ['market-access'] : ['financing'],
        supportStatus: 'ongoing',
        nextSteps: ['continue-monitoring'],
        ...(visit.sequence === last ? { outcome: running ? 'sustainable' : 'dormant' } : {}),
      },
      expect: [200],
    });
    recorded += 1;
  }
  return recorded;
}
