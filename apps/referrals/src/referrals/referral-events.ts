import {
  referralAcceptedV1,
  referralCancelledV1,
  referralCompletedV1,
  referralFailedV1,
  referralReceivedV1,
  referralRedirectedV1,
  referralRejectedV1,
  referralStartedV1,
} from '@mrm/contracts';
import type { OutboxWriter } from '@mrm/messaging';
import type { EntityManager } from 'typeorm';
import type { ReferralAction } from './referral-actions';
import { factsOf } from './referral-facts';
import type { ReferralEntity } from './referral.entity';

/**
 * Appends the event of a receiver's or referrer's transition. `submit` is announced as
 * `referral.requested.v1` by `ReferralRequestsService`; `redirect` needs the linked referral.
 */
export async function appendTransitionEvent(input: {
  em: EntityManager;
  outbox: OutboxWriter;
  action: Exclude<ReferralAction, 'submit'>;
  referral: ReferralEntity;
  redirectedTo?: ReferralEntity;
  now: Date;
}): Promise<void> {
  const { em, outbox, referral, now } = input;
  const facts = factsOf(referral, now);
  const options = { subject: referral.id, time: now };
  switch (input.action) {
    case 'acknowledge':
      return void (await outbox.append(em, referralReceivedV1, facts, options));
    case 'accept':
      return void (await outbox.append(em, referralAcceptedV1, facts, options));
    case 'reject': {
      const rejectionReason = referral.rejectionReason ?? 'other';
      return void (await outbox.append(
        em,
        referralRejectedV1,
        { ...facts, rejectionReason },
        options,
      ));
    }
    case 'redirect': {
      const next = input.redirectedTo;
      if (!next) throw new Error('a redirect needs the linked referral');
      const data = {
        ...facts,
        newReferralId: next.id,
        newReceivingOrg: next.receivingOrg,
        newServiceId: next.serviceId,
      };
      return void (await outbox.append(em, referralRedirectedV1, data, options));
    }
    case 'start':
      return void (await outbox.append(em, referralStartedV1, facts, options));
    case 'complete': {
      const outcome = referral.outcome ?? 'other';
      return void (await outbox.append(em, referralCompletedV1, { ...facts, outcome }, options));
    }
    case 'fail':
      return void (await outbox.append(em, referralFailedV1, facts, options));
    case 'cancel':
      return void (await outbox.append(em, referralCancelledV1, facts, options));
  }
}
