import { uuidv7 } from '@mrm/contracts';
import type { EntityManager } from 'typeorm';
import { ReferralTransitionEntity } from './referral-transition.entity';
import type { ReferralEntity } from './referral.entity';

/** Who changed a referral: a person (`sub`, `org`) or the system (deadlines, consent). */
export interface ReferralActor {
  readonly sub: string;
  readonly org: string;
}

/** Writes one step of the referral's history, in the transaction of the change. */
export async function recordTransition(
  em: EntityManager,
  input: {
    referral: ReferralEntity;
    action: string;
    fromStatus: string | null;
    actor: ReferralActor;
    note?: string | null;
    at: Date;
  },
): Promise<void> {
  await em.insert(ReferralTransitionEntity, {
    id: uuidv7(),
    referralId: input.referral.id,
    action: input.action,
    fromStatus: input.fromStatus,
    toStatus: input.referral.status,
    actorSub: input.actor.sub,
    actorOrg: input.actor.org,
    note: input.note ?? null,
    occurredAt: input.at,
  });
}
