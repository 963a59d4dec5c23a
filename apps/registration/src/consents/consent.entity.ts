import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A structured, written consent: which data, to whom, for what, until when; withdrawable. */
@Entity({ name: 'consent' })
export class ConsentEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') beneficiaryId: string;
  /** Subset of `CONSENT_PURPOSES`. */
  @Column('text', { array: true }) purposes: string[];
  /** Institution codes allowed to receive the data. */
  @Column('text', { array: true }) recipients: string[];
  /** Subset of `CONSENT_DATA_CATEGORIES`. */
  @Column('text', { array: true }) dataCategories: string[];
  /** `sub` of the staff member who recorded it. */
  @Column('text') collectedBy: string;
  @Column('text') collectingOrg: string;
  @Column('timestamptz') collectedAt: Date;
  /** Version of the information notice shown to the person. */
  @Column('text') noticeVersion: string;
  @Column('timestamptz', { nullable: true }) expiresAt: Date | null;
  @Column('timestamptz', { nullable: true }) withdrawnAt: Date | null;
  @Column('text', { nullable: true }) withdrawalReason: string | null;
  @Column('text', { nullable: true }) withdrawnBy: string | null;
  // Set by the service (millisecond precision) so that list cursors compare exactly.
  @Column('timestamptz') createdAt: Date;
}
