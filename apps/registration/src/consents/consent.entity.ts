import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A structured, written consent: which data, to whom, for what, until when; withdrawable. */
@Entity({ name: 'consent' })
@Check(
  'consent_purposes_check',
  `cardinality(purposes) > 0
  AND purposes <@ ARRAY['registration', 'training', 'reintegration', 'referral',
                        'statistics', 'transfer-abroad']::text[]`,
)
@Check('consent_recipients_check', 'cardinality(recipients) > 0')
@Check(
  'consent_data_categories_check',
  `cardinality(data_categories) > 0
  AND data_categories <@ ARRAY['identity', 'contact', 'documents', 'address', 'household',
                               'vulnerabilities', 'health', 'education-skills',
                               'programme-history']::text[]`,
)
@Check('consent_expiry_check', 'expires_at IS NULL OR expires_at > collected_at')
@Check(
  'consent_withdrawal_check',
  `(withdrawn_at IS NULL) = (withdrawn_by IS NULL)
  AND (withdrawn_at IS NOT NULL OR withdrawal_reason IS NULL)`,
)
// `(beneficiary_id, created_at DESC, id DESC)` in the migration: TypeORM neither expresses nor
// compares column order or direction, only the name and the set of columns.
@Index('consent_beneficiary_id_created_at_idx', ['beneficiaryId', 'createdAt', 'id'])
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
  @Column('timestamptz', { default: () => 'now()' }) createdAt: Date;
}
