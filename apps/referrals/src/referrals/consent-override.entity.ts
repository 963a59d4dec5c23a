import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The audit entry of a referral sent without a valid consent, by a coordinator, with a reason. */
@Entity({ name: 'consent_override' })
@Index('consent_override_referral_id_idx', ['referralId'])
export class ConsentOverrideEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') referralId: string;
  @Column('uuid') beneficiaryId: string;
  @Column('text') actorSub: string;
  @Column('text') actorOrg: string;
  @Column('text') reason: string;
  @Column('timestamptz') occurredAt: Date;
}
