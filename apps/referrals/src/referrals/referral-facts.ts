import type { ReferralFactsV1 } from '@mrm/contracts';
import type { ReferralEntity } from './referral.entity';

const seconds = (from: Date, to: Date) =>
  Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));

/** The closed-loop measures of a referral so far, as events and responses carry them. */
export interface ReferralMeasures {
  readonly secondsToAcknowledge?: number;
  readonly acknowledgedWithinDeadline?: boolean;
  readonly secondsToAnswer?: number;
  readonly answeredWithinDeadline?: boolean;
  readonly outcomeReported: boolean;
}

export function measuresOf(referral: ReferralEntity): ReferralMeasures {
  const { requestedAt, acknowledgedAt, answeredAt } = referral;
  return {
    ...(requestedAt && acknowledgedAt
      ? {
          secondsToAcknowledge: seconds(requestedAt, acknowledgedAt),
          acknowledgedWithinDeadline:
            referral.acknowledgementDueAt === null ||
            acknowledgedAt <= referral.acknowledgementDueAt,
        }
      : {}),
    ...(requestedAt && answeredAt
      ? {
          secondsToAnswer: seconds(requestedAt, answeredAt),
          answeredWithinDeadline:
            referral.answerDueAt === null || answeredAt <= referral.answerDueAt,
        }
      : {}),
    outcomeReported: referral.outcome !== null || referral.status === 'failed',
  };
}

/** What every referral event carries (no notes, reasons in free text or personal data). */
export function factsOf(referral: ReferralEntity, occurredAt: Date): ReferralFactsV1 {
  return {
    referralId: referral.id,
    beneficiaryId: referral.beneficiaryId,
    referringOrg: referral.referringOrg,
    receivingOrg: referral.receivingOrg,
    serviceId: referral.serviceId,
    serviceType: referral.serviceType,
    priority: referral.priority,
    status: referral.status,
    version: referral.version,
    occurredAt: occurredAt.toISOString(),
    ...(referral.requestedAt ? { requestedAt: referral.requestedAt.toISOString() } : {}),
    ...measuresOf(referral),
  };
}
