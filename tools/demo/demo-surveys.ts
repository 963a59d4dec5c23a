import { ACTORS, type DemoContext, type RegisteredPerson } from './demo-context';
import { addDays, type DemoRandom } from './demo-random';

// The answer options of each scale of apps/reintegration/config/survey-weights.json, best first.
const SCALES = {
  'yes-no': ['yes', 'no'],
  'no-yes': ['no', 'yes'],
  satisfaction: ['very-satisfied', 'satisfied', 'neutral', 'dissatisfied', 'very-dissatisfied'],
  frequency: ['always', 'often', 'sometimes', 'never'],
  'frequency-adverse': ['never', 'sometimes', 'often', 'always'],
  access: ['good', 'fair', 'poor'],
} as const;

const ITEMS: Record<string, keyof typeof SCALES> = {
  'economic-satisfaction': 'satisfaction',
  'food-insecurity': 'frequency-adverse',
  'access-to-credit': 'yes-no',
  'debt-above-income': 'no-yes',
  employment: 'yes-no',
  'productive-assets': 'yes-no',
  'housing-access': 'access',
  'education-access': 'access',
  'justice-access': 'access',
  'documents-access': 'access',
  'water-access': 'access',
  'health-care-access': 'access',
  'social-participation': 'frequency',
  'support-network': 'yes-no',
  'sense-of-belonging': 'yes-no',
  discrimination: 'frequency-adverse',
  'feeling-safe': 'yes-no',
  'signs-of-distress': 'frequency-adverse',
  'wish-psychological-support': 'no-yes',
  'feeling-able-to-stay': 'yes-no',
};

/** The Reintegration Sustainability Survey of the project members: a baseline, some a follow-up. */
export async function recordSurveys(ctx: DemoContext, people: RegisteredPerson[]): Promise<number> {
  let recorded = 0;
  for (const person of people) {
    const baselineOn = addDays(person.arrivedOn < ctx.today ? person.arrivedOn : ctx.today, 0);
    const level = 0.35 + ctx.random.next() * 0.3;
    await survey(ctx, { person, wave: 'baseline', on: baselineOn, level });
    recorded += 1;
    const followUpOn = addDays(baselineOn, 180);
    if (followUpOn < ctx.today && ctx.random.chance(0.6)) {
      // Six months on, most are better off; some are not.
      const change = ctx.random.chance(0.75) ? 0.2 : -0.1;
      await survey(ctx, { person, wave: 'follow-up', on: followUpOn, level: level + change });
      recorded += 1;
    }
  }
  return recorded;
}

async function survey(
  ctx: DemoContext,
  input: { person: RegisteredPerson; wave: string; on: string; level: number },
): Promise<void> {
  await ctx.client.call({
    service: 'reintegration',
    method: 'POST',
    path: '/api/v1/surveys',
    as: ACTORS.projectOfficer,
    body: {
      beneficiaryId: input.person.id,
      wave: input.wave,
      answeredOn: input.on,
      answers: answers(ctx.random, input.level),
    },
  });
}

/** An answer to most items (a few skipped), around the person's level of reintegration. */
function answers(random: DemoRandom, level: number): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [item, scale] of Object.entries(ITEMS)) {
    if (random.chance(0.1)) continue;
    const options = SCALES[scale];
    const score = Math.min(0.999, Math.max(0, level + (random.next() - 0.5) * 0.5));
    result[item] = options[Math.min(options.length - 1, Math.floor((1 - score) * options.length))];
  }
  return result;
}
