import { canSeeAllPersonalFiles, type Principal } from '@mrm/auth';
import type { ReferralSide } from './referral-actions';
import type { ReferralEntity } from './referral.entity';
import { ReferralError } from './referral.errors';

/**
 * Whether the caller may see the referral: its two ends, and national roles. A receiver does not
 * see a draft. Anyone else gets the 404 of an unknown id, so ids cannot be probed.
 */
export function assertVisible(principal: Principal, referral: ReferralEntity): void {
  const referrer = referral.referringOrg === principal.org;
  const receiver = referral.receivingOrg === principal.org && referral.status !== 'draft';
  if (!referrer && !receiver && !canSeeAllPersonalFiles(principal)) {
    throw new ReferralError('REFERRAL_NOT_FOUND');
  }
}

/** The end an action belongs to must be the caller's institution. */
export function assertSide(
  principal: Principal,
  referral: ReferralEntity,
  side: ReferralSide,
): void {
  const org = side === 'referrer' ? referral.referringOrg : referral.receivingOrg;
  if (principal.org !== org) {
    throw new ReferralError('REFERRAL_ACTION_FORBIDDEN', {
      detail: `Only the ${side === 'referrer' ? 'referring' : 'receiving'} institution may do this`,
    });
  }
}
