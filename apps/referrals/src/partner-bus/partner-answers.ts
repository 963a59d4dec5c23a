import type { PartnerAnswer, PartnerAnswerV1 } from '@mrm/contracts';
import type { ReferralAction } from '../referrals/referral-actions';

/**
 * A partner's answers onto the referral workflow's actions (referral-actions.ts decides which
 * are allowed from where); `erasure-done` acknowledges an erasure request instead.
 */
export const ACTION_OF_ANSWER: Record<Exclude<PartnerAnswer, 'erasure-done'>, ReferralAction> = {
  received: 'acknowledge',
  accepted: 'accept',
  rejected: 'reject',
  redirected: 'redirect',
  'in-progress': 'start',
  completed: 'complete',
};

/** The field each answer cannot go without, beyond the contract's optional ones. */
export function missingFieldOf(answer: PartnerAnswer, data: PartnerAnswerV1): string | undefined {
  if (answer === 'erasure-done') return data.erasureRequestId ? undefined : 'erasureRequestId';
  if (!data.referralId) return 'referralId';
  if (answer === 'rejected' && !data.reason) return 'reason';
  if (answer === 'completed' && !data.outcome) return 'outcome';
  if (answer === 'redirected' && !data.serviceId) return 'serviceId';
  return undefined;
}
