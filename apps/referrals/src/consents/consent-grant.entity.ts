import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Registration's consents as this service needs them to decide whether a referral may go: the
 * terms and dates only, projected from `beneficiary.consent-granted.v1` / `-withdrawn.v1`.
 */
@Entity({ name: 'consent_grant' })
@Index('consent_grant_beneficiary_id_idx', ['beneficiaryId'])
export class ConsentGrantEntity {
  @PrimaryColumn('uuid') consentId: string;
  @Column('uuid') beneficiaryId: string;
  @Column('text', { array: true }) purposes: string[];
  @Column('text', { array: true }) recipients: string[];
  @Column('text', { array: true }) dataCategories: string[];
  /** Null while only the withdrawal has arrived. */
  @Column('timestamptz', { nullable: true }) grantedAt: Date | null;
  @Column('timestamptz', { nullable: true }) expiresAt: Date | null;
  @Column('timestamptz', { nullable: true }) withdrawnAt: Date | null;
  @Column('timestamptz') updatedAt: Date;
}
