import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, Unique } from 'typeorm';

/**
 * A person followed by the mechanism. Identifying fields live only in the `*_enc` columns
 * (AES-256-GCM tokens, see data-protection/); the clear columns are statistical dimensions.
 */
@Entity({ name: 'beneficiary' })
@Unique('beneficiary_reference_key', ['reference'])
@Check('beneficiary_status_check', "status IN ('registered', 'active', 'closed')")
@Index('beneficiary_owner_org_idx', ['ownerOrg'])
// `(… created_at DESC, id DESC)` in the migration: TypeORM neither expresses nor compares column
// order or direction, only the name and the set of columns.
@Index('beneficiary_created_at_id_idx', ['createdAt', 'id'])
@Index('beneficiary_owner_org_created_at_id_idx', ['ownerOrg', 'createdAt', 'id'])
export class BeneficiaryEntity {
  @PrimaryColumn('uuid') id: string;
  /** Human-readable case reference, `MA-<year>-<6 digits>`. */
  @Column('text') reference: string;
  @Column('text') ownerOrg: string;
  @Column('text') category: string;
  @Column('text') sex: string;
  /** The exact birth date, encrypted (issue 18); `birthYear` stays clear as a dimension. */
  @Column('text', { nullable: true }) birthDateEnc: string | null;
  @Column('int') birthYear: number;
  @Column('boolean', { default: false }) birthYearEstimated: boolean;
  @Column('char', { length: 2 }) nationality: string;
  @Column('char', { length: 2, nullable: true }) countryOfOrigin: string | null;
  @Column('char', { length: 2, nullable: true }) returnCountry: string | null;
  @Column('text', { array: true, default: () => "'{}'" }) languages: string[];
  @Column('char', { length: 2 }) regionCode: string;
  @Column('text', { nullable: true }) programmeCode: string | null;
  @Column('text', { nullable: true }) educationLevel: string | null;
  @Column('text', { array: true, default: () => "'{}'" }) skills: string[];
  @Column('text', { array: true, default: () => "'{}'" }) occupations: string[];
  /** JSON `{ firstName, lastName, firstNameAr?, lastNameAr? }`, encrypted. */
  @Column('text', { nullable: true }) namesEnc: string | null;
  @Column('text', { nullable: true }) phoneEnc: string | null;
  /** JSON `{ line?, province?, commune? }`, encrypted. */
  @Column('text', { nullable: true }) addressEnc: string | null;
  /** JSON array of `{ type, number, issuingCountry }`, encrypted. */
  @Column('text', { nullable: true }) documentsEnc: string | null;
  /** JSON array of vulnerability codes, encrypted (health-related, law 09-08 sensitive). */
  @Column('text', { nullable: true }) vulnerabilitiesEnc: string | null;
  @Column('text', { default: 'registered' }) status: string;
  @Column('text', { nullable: true }) closureReason: string | null;
  @Column('timestamptz', { nullable: true }) closedAt: Date | null;
  @Column('uuid', { nullable: true })
  @ForeignKey(() => BeneficiaryEntity, { name: 'beneficiary_merged_into_fkey' })
  mergedInto: string | null;
  @Column('timestamptz', { nullable: true }) erasedAt: Date | null;
  // Set explicitly by the service: the version is the ETag, bumped once per change.
  @Column('int') version: number;
  @Column('timestamptz', { default: () => 'now()' }) createdAt: Date;
  @Column('timestamptz', { default: () => 'now()' }) updatedAt: Date;
  @Column('text', { nullable: true }) createdBy: string | null;
}
