import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * What a receiving institution may read of a person while a referral is open: the data
 * categories the referral shares under its consent. Projected from the referrals service's events.
 */
@Entity({ name: 'referral_access_grant' })
@Index(
  'referral_access_grant_beneficiary_id_receiving_org_idx',
  ['beneficiaryId', 'receivingOrg'],
  {
    where: 'open',
  },
)
export class ReferralAccessGrantEntity {
  @PrimaryColumn('uuid') referralId: string;
  @Column('uuid') beneficiaryId: string;
  @Column('text') receivingOrg: string;
  @Column('text', { array: true }) dataCategories: string[];
  @Column('boolean') open: boolean;
  /** The referral's version the row reflects; an older event never reopens a closed referral. */
  @Column('int') referralVersion: number;
  @Column('timestamptz') updatedAt: Date;
}
