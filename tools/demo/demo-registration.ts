import { ACTORS, type DemoContext, type RegisteredPerson } from './demo-context';
import type { DemoPerson } from './demo-people';

/** Thrown when the programme already exists: the demonstration ran on this platform before. */
export class DemoAlreadyRanError extends Error {}

/** The programme as data; refuses to go on if its code is taken (a second run). */
export async function createProgramme(ctx: DemoContext): Promise<string> {
  const response = await ctx.client.call<{ id: string; code?: string }>({
    service: 'registration',
    method: 'POST',
    path: '/api/v1/programmes',
    as: ACTORS.coordinator,
    expect: [201, 409],
    body: {
      code: ctx.programmeCode,
      name: `SHARAKA — mobilité et réintégration ${ctx.year} (démonstration)`,
      donor: 'Union européenne',
      implementingOrg: 'IOM',
      startsOn: `${ctx.year}-01-01`,
      endsOn: `${ctx.year}-12-31`,
      targetCategories: [
        'returning-moroccan',
        'foreign-avrr',
        'regularised-immigrant',
        'moroccan-abroad',
        'labour-migration-candidate',
      ],
    },
  });
  if (response.status === 409) {
    throw new DemoAlreadyRanError(
      `programme ${ctx.programmeCode} already exists: the demonstration ran on this platform ` +
        'already. Run it again with --programme <another code> (and --seed) to add another year.',
    );
  }
  return response.body.id;
}

/** Registers each person, enrols them in the programme and activates most. */
export async function registerPeople(
  ctx: DemoContext,
  input: { people: DemoPerson[]; programmeId: string },
): Promise<RegisteredPerson[]> {
  const registered: RegisteredPerson[] = [];
  for (const person of input.people) {
    const id = await register(ctx, person);
    registered.push({ ...person, id });
    await ctx.client.call({
      service: 'registration',
      method: 'POST',
      path: `/api/v1/beneficiaries/${id}/enrolments`,
      as: ACTORS.caseWorker,
      body: { programmeId: input.programmeId, enteredOn: minDay(person.arrivedOn, ctx.today) },
    });
    if (ctx.random.chance(0.8)) await statusChange(ctx, id, 'activate');
    if (registered.length % 50 === 0) ctx.log(`  ${registered.length} people registered`);
  }
  return registered;
}

async function register(ctx: DemoContext, person: DemoPerson): Promise<string> {
  const created = await ctx.client.call<{ id: string }>({
    service: 'registration',
    method: 'POST',
    path: '/api/v1/beneficiaries',
    as: ACTORS.caseWorker,
    body: person.body,
    expect: [201, 409],
  });
  if (created.status === 201) return created.body.id;
  // A probable duplicate by first name and birth year: these are distinct people by construction.
  const overridden = await ctx.client.call<{ id: string }>({
    service: 'registration',
    method: 'POST',
    path: '/api/v1/beneficiaries',
    as: ACTORS.caseWorker,
    body: { ...person.body, duplicateOverride: { reason: 'Demonstration: a different person' } },
  });
  return overridden.body.id;
}

async function statusChange(
  ctx: DemoContext,
  id: string,
  action: 'activate' | 'close',
  body: object = {},
): Promise<void> {
  await ctx.client.call({
    service: 'registration',
    method: 'POST',
    path: `/api/v1/beneficiaries/${id}/${action}`,
    as: ACTORS.caseWorker,
    body,
    expect: [200, 201],
  });
}

/** The end of the year: a few files closed (reintegrated, moved abroad, lost contact). */
export async function closeSomeCases(
  ctx: DemoContext,
  people: RegisteredPerson[],
): Promise<number> {
  const closing = ctx.random.sample(people, Math.round(people.length * 0.08));
  for (const person of closing) {
    await statusChange(ctx, person.id, 'close', {
      reason: ctx.random.pick(['reintegrated', 'moved-abroad', 'lost-contact']),
    });
  }
  return closing.length;
}

/**
 * Waits until training, reintegration and referrals have each learnt of every person from the
 * bus (their rosters), so that the next phases do not race the events.
 */
export async function awaitRosters(ctx: DemoContext, people: RegisteredPerson[]): Promise<void> {
  for (const service of ['training', 'reintegration', 'referrals'] as const) {
    for (const person of people) {
      await ctx.client.call({
        service,
        method: 'GET',
        path: `/api/v1/roster/${person.id}`,
        as: ACTORS.coordinator,
        retryOn: [404],
      });
    }
  }
}

function minDay(a: string, b: string): string {
  return a < b ? a : b;
}
