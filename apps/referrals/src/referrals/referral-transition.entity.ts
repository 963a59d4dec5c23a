import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One step of a referral's history: who did what, when, with which note. */
@Entity({ name: 'referral_transition' })
@Index('referral_transition_referral_id_idx', ['referralId', 'occurredAt'])
export class ReferralTransitionEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') referralId: string;
  @Column('text') action: string;
  @Column('text', { nullable: true }) fromStatus: string | null;
  @Column('text') toStatus: string;
  /** `sub` of the actor, or `system` for deadlines and consent changes. */
  @Column('text') actorSub: string;
  @Column('text') actorOrg: string;
  @Column('text', { nullable: true }) note: string | null;
  @Column('timestamptz') occurredAt: Date;
}
