import type { Actor } from './demo-client';
import { ACTORS, partnerOfficer, type DemoContext, type RegisteredPerson } from './demo-context';

/** The partner institutions of the year and how each one answers. */
const PARTNERS = [
  {
    code: 'ANAPEC',
    kind: 'agency',
    fr: 'ANAPEC',
    ar: 'الوكالة الوطنية لإنعاش التشغيل والكفاءات',
    en: 'National employment agency',
    type: 'employment',
    answers: 'promptly',
  },
  {
    code: 'ENTRAIDE',
    kind: 'agency',
    fr: 'Entraide Nationale',
    ar: 'التعاون الوطني',
    en: 'National Mutual Aid',
    type: 'vocational-training',
    answers: 'promptly',
  },
  {
    code: 'AMSED',
    kind: 'ngo',
    fr: 'Association AMSED',
    ar: 'جمعية أمسد',
    en: 'AMSED association',
    type: 'psychosocial-support',
    answers: 'promptly',
  },
  {
    code: 'ALAMANA',
    kind: 'private',
    fr: 'Al Amana Microfinance',
    ar: 'الأمانة للتمويلات الصغرى',
    en: 'Al Amana Microfinance',
    type: 'microfinance',
    answers: 'promptly',
  },
  // The slow one: its referrals are answered only by `npm run demo -- --answer-late`, after the deadline.
  {
    code: 'ADALA',
    kind: 'ngo',
    fr: 'Association Adala pour le droit',
    ar: 'جمعية عدالة',
    en: 'Adala legal aid association',
    type: 'legal-aid',
    answers: 'late',
  },
] as const;

export const LATE_PARTNER = 'ADALA';

export interface ReferralSummary {
  partners: number;
  referrals: number;
  completed: number;
  rejected: number;
  inProgress: number;
  unanswered: number;
  awaitingLateAnswer: number;
}

interface Referral {
  id: string;
  version: number;
  answerDueAt: string;
}

/** Partners and their services, then referrals answered on time, declined, pending and never. */
export async function runReferrals(
  ctx: DemoContext,
  people: RegisteredPerson[],
): Promise<ReferralSummary> {
  const summary: ReferralSummary = {
    partners: 0,
    referrals: 0,
    completed: 0,
    rejected: 0,
    inProgress: 0,
    unanswered: 0,
    awaitingLateAnswer: 0,
  };
  const services = new Map<string, string>();
  for (const partner of PARTNERS) {
    services.set(partner.code, await partnerService(ctx, partner));
    summary.partners += 1;
  }
  for (const person of ctx.random.sample(people, Math.round(people.length * 0.35))) {
    const partner = ctx.random.pick(PARTNERS);
    await consentFor(ctx, person, partner.code);
    const referral = await refer(ctx, {
      person,
      serviceId: services.get(partner.code)!,
      type: partner.type,
      // The slow partner's cases are pressing ones: their answer is due within 24 hours.
      priority: partner.answers === 'late' ? 'emergency' : undefined,
    });
    summary.referrals += 1;
    if (partner.answers === 'late') summary.awaitingLateAnswer += 1;
    else await answer(ctx, { referral, receiver: partnerOfficer(partner.code), summary });
  }
  return summary;
}

async function partnerService(
  ctx: DemoContext,
  partner: (typeof PARTNERS)[number],
): Promise<string> {
  const created = await ctx.client.call<{ id: string }>({
    service: 'referrals',
    method: 'POST',
    path: '/api/v1/partners',
    as: ACTORS.coordinator,
    body: {
      code: partner.code,
      names: { fr: partner.fr, ar: partner.ar, en: partner.en },
      kind: partner.kind,
    },
    expect: [201, 409],
  });
  // Known from an earlier demonstration year: the same institution, found in the directory.
  const partnerId = created.status === 201 ? created.body.id : await findPartner(ctx, partner.code);
  const { body } = await ctx.client.call<{ id: string }>({
    service: 'referrals',
    method: 'POST',
    path: '/api/v1/services',
    as: ACTORS.coordinator,
    body: {
      partnerId,
      type: partner.type,
      name: `${partner.fr} — ${partner.type} (${ctx.programmeCode})`,
      regionCodes: ['01', '02', '04', '05', '06', '07', '09'],
      languages: ['ar', 'fr'],
      capacity: { placesPerMonth: 60, currentLoad: 10 },
    },
  });
  return body.id;
}

async function findPartner(ctx: DemoContext, code: string): Promise<string> {
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page = await ctx.client.call<{
      items: Array<{ id: string; code: string }>;
      nextCursor: string | null;
    }>({
      service: 'referrals',
      method: 'GET',
      path: `/api/v1/partners?limit=100${query}`,
      as: ACTORS.coordinator,
    });
    const found = page.body.items.find((item) => item.code === code);
    if (found) return found.id;
    cursor = page.body.nextCursor;
  } while (cursor);
  throw new Error(`partner ${code} exists but is not in the directory`);
}

async function consentFor(
  ctx: DemoContext,
  person: RegisteredPerson,
  recipient: string,
): Promise<void> {
  await ctx.client.call({
    service: 'registration',
    method: 'POST',
    path: `/api/v1/beneficiaries/${person.id}/consents`,
    as: ACTORS.caseWorker,
    body: {
      purposes: ['referral'],
      recipients: [recipient],
      dataCategories: ['identity', 'contact'],
      noticeVersion: `${ctx.year}-01`,
      expiresAt: `${ctx.year + 1}-12-31T23:59:59Z`,
    },
  });
}

async function refer(
  ctx: DemoContext,
  input: { person: RegisteredPerson; serviceId: string; type: string; priority?: string },
): Promise<Referral> {
  // 422 CONSENT_REQUIRED until the consent, sent on the bus by registration, reaches referrals.
  const { body } = await ctx.client.call<Referral>({
    service: 'referrals',
    method: 'POST',
    path: '/api/v1/referrals',
    as: ACTORS.referralOfficer,
    body: {
      beneficiaryId: input.person.id,
      serviceId: input.serviceId,
      reason: `Orientation vers ${input.type}`,
      servicesRequested: [input.type],
      priority: input.priority ?? ctx.random.weighted({ normal: 70, urgent: 25, emergency: 5 }),
      dataCategories: ['identity', 'contact'],
    },
    retryOn: [422],
  });
  return body;
}

/** A partner that answers: mostly to the end, some declined, some still open, a few never. */
async function answer(
  ctx: DemoContext,
  input: { referral: Referral; receiver: Actor; summary: ReferralSummary },
): Promise<void> {
  const path = ctx.random.weighted({ completed: 60, rejected: 13, inProgress: 15, unanswered: 12 });
  input.summary[path] += 1;
  if (path === 'unanswered') return;
  const act = transitions(ctx, input.referral, input.receiver);
  await act('acknowledge');
  if (path === 'rejected') {
    await act('reject', {
      reason: ctx.random.pick(['no-capacity', 'ineligible', 'declined-by-beneficiary']),
    });
    return;
  }
  await act('accept');
  await act('start');
  if (path === 'completed') {
    await act('complete', {
      outcome: ctx.random.weighted({
        'service-provided': 80,
        'partially-provided': 15,
        'beneficiary-withdrew': 5,
      }),
    });
  }
}

/** The transitions of one referral, each sent with the version the previous one answered. */
export function transitions(ctx: DemoContext, referral: Referral, receiver: Actor) {
  let version = referral.version;
  return async (action: string, body: object = {}): Promise<void> => {
    const response = await ctx.client.call<{ version: number }>({
      service: 'referrals',
      method: 'POST',
      path: `/api/v1/referrals/${referral.id}/${action}`,
      as: receiver,
      ifMatch: `"${version}"`,
      body,
      expect: [200],
    });
    version = response.body.version;
  };
}

/**
 * The slow partner answers at last: every referral still `requested` whose answer deadline has
 * passed is acknowledged, accepted, started and completed, so the platform shows late answers.
 */
export async function answerLate(
  ctx: DemoContext,
  at: Date,
): Promise<{ answered: number; waiting: number; nextDueAt: string | null }> {
  const receiver = partnerOfficer(LATE_PARTNER);
  const pending: Referral[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page = await ctx.client.call<{ items: Referral[]; nextCursor: string | null }>({
      service: 'referrals',
      method: 'GET',
      path: `/api/v1/referrals?direction=incoming&status=requested&limit=100${query}`,
      as: receiver,
    });
    pending.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  const now = at.toISOString();
  const late = pending.filter((referral) => referral.answerDueAt < now);
  for (const referral of late) {
    const act = transitions(ctx, referral, receiver);
    await act('acknowledge', { note: 'Dossier traité en retard' });
    await act('accept');
    await act('start');
    await act('complete', { outcome: 'service-provided' });
  }
  const waiting = pending.filter((referral) => referral.answerDueAt >= now);
  const nextDueAt = waiting.map((r) => r.answerDueAt).sort()[0] ?? null;
  return { answered: late.length, waiting: waiting.length, nextDueAt };
}
