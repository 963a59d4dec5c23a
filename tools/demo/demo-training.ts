import { ACTORS, ORG, type DemoContext, type RegisteredPerson } from './demo-context';
import { addDays } from './demo-random';

const ALL = [
  'returning-moroccan',
  'foreign-avrr',
  'regularised-immigrant',
  'moroccan-abroad',
  'labour-migration-candidate',
];
const REINTEGRATION = ['returning-moroccan', 'foreign-avrr', 'regularised-immigrant'];

/** The year's courses: kind, title, region, who it targets, share of them invited, start month. */
const COURSES = [
  {
    kind: 'collective-awareness',
    title: 'Sensibilisation aux opportunités de réintégration',
    regionCode: '05',
    targets: ALL,
    share: 0.5,
    month: 2,
  },
  {
    kind: 'personal-development',
    title: 'Développement personnel',
    regionCode: '06',
    targets: REINTEGRATION,
    share: 0.3,
    month: 3,
  },
  {
    kind: 'entrepreneurship-marketing',
    title: 'Entrepreneuriat et marketing',
    regionCode: '05',
    targets: [...REINTEGRATION, 'moroccan-abroad'],
    share: 0.25,
    month: 4,
  },
  {
    kind: 'handicraft-initiation',
    title: 'Initiation aux métiers de l’artisanat',
    regionCode: '04',
    targets: REINTEGRATION,
    share: 0.12,
    month: 5,
  },
  {
    kind: 'agriculture-initiation',
    title: 'Initiation à l’agriculture',
    regionCode: '07',
    targets: REINTEGRATION,
    share: 0.12,
    month: 6,
  },
  {
    kind: 'migration-project-preparation',
    title: 'Préparer son projet de migration légale',
    regionCode: '01',
    targets: ['labour-migration-candidate'],
    share: 0.9,
    month: 9,
  },
] as const;

export interface TrainingSummary {
  courses: number;
  enrolments: number;
  sheets: number;
  surveys: number;
}

/** Runs each course of the year: open, enrol, start, sessions, attendance, complete, surveys. */
export async function runTraining(
  ctx: DemoContext,
  people: RegisteredPerson[],
): Promise<TrainingSummary> {
  const summary: TrainingSummary = { courses: 0, enrolments: 0, sheets: 0, surveys: 0 };
  for (const plan of COURSES) {
    const targeted = people.filter((p) => (plan.targets as readonly string[]).includes(p.category));
    const invited = ctx.random.sample(
      targeted,
      Math.max(1, Math.round(targeted.length * plan.share)),
    );
    const startsOn = `${ctx.year}-${String(plan.month).padStart(2, '0')}-02`;
    const course = await create(ctx, { ...plan, startsOn, capacity: Math.max(2, invited.length) });
    let etag = await step(ctx, course.id, 'open', course.etag);
    const enrolments: Array<{ id: string; beneficiaryId: string }> = [];
    for (const person of invited) {
      const { body } = await ctx.client.call<{ id: string }>({
        service: 'training',
        method: 'POST',
        path: `/api/v1/courses/${course.id}/enrolments`,
        as: ACTORS.caseWorker,
        body: { beneficiaryId: person.id },
      });
      enrolments.push({ id: body.id, beneficiaryId: person.id });
    }
    etag = await step(ctx, course.id, 'start', etag);
    summary.sheets += await sessionsWithAttendance(ctx, {
      courseId: course.id,
      startsOn,
      enrolments,
    });
    await step(ctx, course.id, 'complete', etag);
    summary.surveys += await surveys(ctx, course.id);
    summary.courses += 1;
    summary.enrolments += enrolments.length;
    ctx.log(`  course "${plan.title}": ${enrolments.length} enrolled`);
  }
  return summary;
}

async function create(
  ctx: DemoContext,
  input: {
    kind: string;
    title: string;
    regionCode: string;
    targets: readonly string[];
    startsOn: string;
    capacity: number;
  },
): Promise<{ id: string; etag: string | undefined }> {
  const { body, etag } = await ctx.client.call<{ id: string }>({
    service: 'training',
    method: 'POST',
    path: '/api/v1/courses',
    as: ACTORS.coordinator,
    body: {
      title: input.title,
      kind: input.kind,
      programmeCode: ctx.programmeCode,
      organisingOrg: ORG,
      trainerIds: [ACTORS.trainer.sub],
      languages: ['ar', 'fr'],
      regionCode: input.regionCode,
      venue: 'Maison des jeunes',
      capacity: input.capacity,
      targetCategories: input.targets,
      startsOn: input.startsOn,
      endsOn: addDays(input.startsOn, 40),
    },
  });
  return { id: body.id, etag };
}

async function step(
  ctx: DemoContext,
  courseId: string,
  action: 'open' | 'start' | 'complete',
  etag: string | undefined,
): Promise<string | undefined> {
  const response = await ctx.client.call({
    service: 'training',
    method: 'POST',
    path: `/api/v1/courses/${courseId}/${action}`,
    as: ACTORS.trainer,
    ifMatch: etag,
  });
  return response.etag;
}

/** Four weekly sessions; each person has their own assiduity, so some fail the 80 % rule. */
async function sessionsWithAttendance(
  ctx: DemoContext,
  input: { courseId: string; startsOn: string; enrolments: Array<{ beneficiaryId: string }> },
): Promise<number> {
  const assiduity = new Map(
    input.enrolments.map((e) => [e.beneficiaryId, ctx.random.chance(0.8) ? 0.95 : 0.5]),
  );
  for (let week = 0; week < 4; week += 1) {
    const { body } = await ctx.client.call<{ id: string }>({
      service: 'training',
      method: 'POST',
      path: `/api/v1/courses/${input.courseId}/sessions`,
      as: ACTORS.trainer,
      body: { date: addDays(input.startsOn, week * 7 + 1), startTime: '09:30', endTime: '12:00' },
    });
    const entries = input.enrolments.map(({ beneficiaryId }) => ({
      beneficiaryId,
      status: ctx.random.chance(assiduity.get(beneficiaryId)!)
        ? 'present'
        : ctx.random.pick(['absent', 'excused']),
    }));
    await ctx.client.call({
      service: 'training',
      method: 'PUT',
      path: `/api/v1/sessions/${body.id}/attendance`,
      as: ACTORS.trainer,
      body: { entries },
    });
  }
  return 4;
}

/** Most of those who completed answer the survey, mostly satisfied, some anonymously. */
async function surveys(ctx: DemoContext, courseId: string): Promise<number> {
  const { body } = await ctx.client.call<{ items: Array<{ id: string; outcome: string | null }> }>({
    service: 'training',
    method: 'GET',
    path: `/api/v1/courses/${courseId}/enrolments`,
    as: ACTORS.trainer,
  });
  const completed = body.items.filter((e) => e.outcome === 'completed').map((e) => e.id);
  let answered = 0;
  for (const enrolment of completed) {
    if (!ctx.random.chance(0.75)) continue;
    const overall = ctx.random.weighted({ 5: 45, 4: 40, 3: 10, 2: 4, 1: 1 });
    await ctx.client.call({
      service: 'training',
      method: 'POST',
      path: `/api/v1/courses/${courseId}/enrolments/${enrolment}/satisfaction`,
      as: ACTORS.trainer,
      body: {
        overall: Number(overall),
        usefulness: Math.max(1, Number(overall) - ctx.random.int(0, 1)),
        wouldRecommend: Number(overall) >= 4,
        anonymous: ctx.random.chance(0.2),
      },
    });
    answered += 1;
  }
  return answered;
}
