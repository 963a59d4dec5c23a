import { bearer, waitFor } from '@mrm/testing';
import { FiveServices } from '../five-services.platform';
import { caseWorker, coordinator, DAY, onRoster, referralOfficer } from './scenario-actors';
import { REGIONS } from './scenario-people';

export const PARTNERS = [
  { code: 'ANAPEC', kind: 'agency', type: 'employment' },
  { code: 'AMSED', kind: 'ngo', type: 'psychosocial-support' },
  { code: 'ADALA', kind: 'ngo', type: 'legal-aid' },
] as const;

/**
 * Six normal-priority referrals sent together at day 0 of the referrals clock (deadlines: 72 h
 * to acknowledge, 14 days to answer). Each step is taken on the given day; the clock's timers
 * are swept on days 4 and 20, before that day's steps.
 */
export const REFERRALS = [
  // R1: answered on time, accepted, completed with an outcome.
  {
    person: 29,
    partner: 'ANAPEC',
    steps: [
      { day: 1, action: 'acknowledge' },
      { day: 2, action: 'accept' },
      { day: 2, action: 'start' },
      { day: 5, action: 'complete', body: { outcome: 'service-provided' } },
    ],
  },
  // R2: answered on time, accepted, still in progress (no outcome yet).
  {
    person: 30,
    partner: 'ANAPEC',
    steps: [
      { day: 1, action: 'acknowledge' },
      { day: 2, action: 'accept' },
      { day: 2, action: 'start' },
    ],
  },
  // R3: answered on time, rejected.
  {
    person: 31,
    partner: 'AMSED',
    steps: [
      { day: 1, action: 'acknowledge' },
      { day: 4, action: 'reject', body: { reason: 'no-capacity' } },
    ],
  },
  // R4: acknowledged, answered late (day 20 > 14): escalated on day 20, then completed.
  {
    person: 32,
    partner: 'AMSED',
    steps: [
      { day: 1, action: 'acknowledge' },
      { day: 20, action: 'accept' },
      { day: 20, action: 'start' },
      { day: 22, action: 'complete', body: { outcome: 'partially-provided' } },
    ],
  },
  // R5: never answered: escalated on day 4 (acknowledgement) and again on day 20 (answer).
  { person: 33, partner: 'ADALA', steps: [] },
  // R6: acknowledged late (escalated on day 4), then rejected on time.
  {
    person: 34,
    partner: 'ADALA',
    steps: [
      { day: 4, action: 'acknowledge' },
      { day: 6, action: 'reject', body: { reason: 'ineligible' } },
    ],
  },
] as const;

const SWEEP_DAYS = [4, 20];

/** Partners and their services, consents, the six referrals and their steps day by day. */
export async function runReferrals(platform: FiveServices, ids: string[]): Promise<void> {
  const { referrals, registration, referralsClock: clock } = platform;
  const services = new Map<string, string>();
  for (const partner of PARTNERS) {
    const created = await referrals.http
      .post('/api/v1/partners')
      .set('authorization', coordinator)
      .send({
        code: partner.code,
        names: { fr: partner.code, ar: partner.code, en: partner.code },
        kind: partner.kind,
      })
      .expect(201);
    const service = await referrals.http
      .post('/api/v1/services')
      .set('authorization', coordinator)
      .send({
        partnerId: (created.body as { id: string }).id,
        type: partner.type,
        name: `${partner.code} — ${partner.type}`,
        regionCodes: REGIONS,
        languages: ['ar', 'fr'],
        capacity: { placesPerMonth: 60, currentLoad: 10 },
      })
      .expect(201);
    services.set(partner.code, (service.body as { id: string }).id);
  }
  await onRoster(
    referrals,
    referralOfficer,
    REFERRALS.map((referral) => ids[referral.person]),
  );

  const start = clock.now().getTime();
  const sent: Array<{ id: string; receiver: string }> = [];
  for (const referral of REFERRALS) {
    await registration.http
      .post(`/api/v1/beneficiaries/${ids[referral.person]}/consents`)
      .set('authorization', caseWorker)
      .send({
        purposes: ['referral'],
        recipients: [referral.partner],
        dataCategories: ['identity', 'contact'],
        noticeVersion: '2026-01',
        expiresAt: new Date(Date.now() + 730 * DAY).toISOString(),
      })
      .expect(201);
    // 422 CONSENT_REQUIRED until registration's consent event has reached referrals.
    let created: { id: string } | undefined;
    await waitFor(
      async () => {
        const response = await referrals.http
          .post('/api/v1/referrals')
          .set('authorization', referralOfficer)
          .send({
            beneficiaryId: ids[referral.person],
            serviceId: services.get(referral.partner),
            reason: 'Orientation du plan de réintégration',
            servicesRequested: ['orientation'],
            priority: 'normal',
            dataCategories: ['identity', 'contact'],
          });
        if (response.status === 201) created = response.body as { id: string };
        return response.status === 201;
      },
      { what: `the consent of person ${referral.person} in referrals` },
    );
    sent.push({
      ...created!,
      receiver: bearer(referral.partner, ['referral-officer'], `ro-${referral.partner}`),
    });
  }

  // Every step of every referral, in the order of the days they are taken on.
  const steps = REFERRALS.flatMap((referral, index) =>
    referral.steps.map((step) => ({ ...step, referral: sent[index] })),
  ).sort((a, b) => a.day - b.day);
  const sweepDays = [...SWEEP_DAYS];
  for (const step of steps) {
    while (sweepDays.length > 0 && sweepDays[0] <= step.day) {
      clock.set(new Date(start + sweepDays.shift()! * DAY));
      await FiveServices.sweep(referrals);
    }
    clock.set(new Date(start + step.day * DAY));
    // An escalation moves the referral on a version: the receiver reads it before answering.
    const current = await referrals.http
      .get(`/api/v1/referrals/${step.referral.id}`)
      .set('authorization', step.referral.receiver)
      .expect(200);
    await referrals.http
      .post(`/api/v1/referrals/${step.referral.id}/${step.action}`)
      .set('authorization', step.referral.receiver)
      .set('if-match', current.headers.etag)
      .send('body' in step ? step.body : {})
      .expect(200);
  }
}
