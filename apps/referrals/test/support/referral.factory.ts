import { aRegisteredEvent, bearer, TestService, waitFor, type ManualClock } from '@mrm/testing';
import {
  beneficiaryConsentGrantedV1,
  beneficiaryConsentWithdrawnV1,
  uuidv7,
  type EventEnvelope,
} from '@mrm/contracts';
import { ReferralsConfig } from '../../src/referrals.config';
import { ReferralsModule } from '../../src/referrals.module';
import { REFERRALS_OPENAPI } from '../../src/referrals.openapi';
import { sql } from './directory.factory';

/** The referring institution of these tests. */
export const REFERRER_ORG = 'IOM';
export const referrer = bearer(REFERRER_ORG, ['referral-officer'], 'ro-iom-1');

/** A referral officer of the institution `org`. */
export const officerOf = (org: string, sub = `ro-${org.toLowerCase()}`) =>
  bearer(org, ['referral-officer'], sub);

/** The referrals service with explicit timer sweeps, optionally a replica or on a manual clock. */
export function startReferrals(
  options: { clock?: ManualClock; shareWith?: TestService; env?: Record<string, string> } = {},
): Promise<TestService> {
  const { env, ...rest } = options;
  return TestService.start({
    service: 'referrals',
    configClass: ReferralsConfig,
    rootModule: (config) => ReferralsModule.forRoot(config),
    openApi: REFERRALS_OPENAPI,
    env: { TIMER_SWEEP_INTERVAL_MS: '0', ...env },
    ...rest,
  });
}

/** A beneficiary registration announced, once it is in the referrals roster. */
export async function aKnownBeneficiary(sut: TestService): Promise<string> {
  const event = aRegisteredEvent({ ownerOrg: REFERRER_ORG, languages: ['ar', 'fr'] });
  await sut.publish(event);
  await waitFor(
    async () =>
      (
        await sql(
          sut,
          'SELECT 1 FROM roster_beneficiary WHERE beneficiary_id = $1 AND version > 0',
          [event.data.beneficiaryId],
        )
      ).length === 1,
    { what: 'the roster entry' },
  );
  return event.data.beneficiaryId;
}

/** Registration's consent event for a referral to `recipients`, once it is in the read model. */
export async function aConsent(
  sut: TestService,
  input: {
    beneficiaryId: string;
    recipients: string[];
    dataCategories?: string[];
    purposes?: string[];
    expiresAt?: Date;
  },
): Promise<string> {
  const consentId = uuidv7();
  const event = beneficiaryConsentGrantedV1.build(
    {
      consentId,
      beneficiaryId: input.beneficiaryId,
      purposes: input.purposes ?? ['registration', 'referral'],
      recipients: input.recipients,
      dataCategories: input.dataCategories ?? ['identity', 'contact', 'education-skills'],
      grantedAt: new Date(Date.now() - 3_600_000).toISOString(),
      expiresAt: (input.expiresAt ?? new Date(Date.now() + 365 * 86_400_000)).toISOString(),
      noticeVersion: '2025-03',
    },
    { subject: input.beneficiaryId, correlationId: uuidv7() },
  );
  await publishAndWait(sut, event, 'SELECT 1 FROM consent_grant WHERE consent_id = $1', consentId);
  return consentId;
}

/** Registration's withdrawal of a consent, once its effects are committed. */
export async function withdrawConsent(
  sut: TestService,
  input: { beneficiaryId: string; consentId: string },
): Promise<void> {
  const event = beneficiaryConsentWithdrawnV1.build(
    { ...input, withdrawnAt: new Date().toISOString() },
    { subject: input.beneficiaryId, correlationId: uuidv7() },
  );
  await publishAndWait(
    sut,
    event,
    'SELECT 1 FROM consent_grant WHERE consent_id = $1 AND withdrawn_at IS NOT NULL',
    input.consentId,
  );
}

async function publishAndWait(
  sut: TestService,
  event: EventEnvelope,
  query: string,
  id: string,
): Promise<void> {
  await sut.publish(event);
  await waitFor(async () => (await sql(sut, query, [id])).length === 1, { what: event.type });
}

/** The events of one referral in the outbox, oldest first, as `{ type, data }`. */
export async function eventsOf(
  sut: TestService,
  referralId: string,
): Promise<Array<{ type: string; data: Record<string, unknown> }>> {
  const rows = await sql<{ type: string; payload: { data: Record<string, unknown> } }>(
    sut,
    `SELECT type, payload FROM outbox_message WHERE payload->>'subject' = $1
      ORDER BY occurred_at, id`,
    [referralId],
  );
  return rows.map((row) => ({ type: row.type, data: row.payload.data }));
}

export function aReferralBody(
  beneficiaryId: string,
  serviceId: string,
  overrides: Record<string, unknown> = {},
) {
  return {
    beneficiaryId,
    serviceId,
    reason: 'Looking for work in carpentry after return',
    servicesRequested: ['job placement'],
    priority: 'normal',
    dataCategories: ['identity', 'contact'],
    ...overrides,
  };
}
