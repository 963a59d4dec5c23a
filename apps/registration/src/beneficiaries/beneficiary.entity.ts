import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A person followed by the mechanism. Identifying fields live only in the `*_enc` columns
 * (AES-256-GCM tokens, see data-protection/); the clear columns are statistical dimensions.
 */
@Entity({ name: 'beneficiary' })
export class BeneficiaryEntity {
  @PrimaryColumn('uuid') id: string;
  /** Human-readable case reference, `MA-<year>-<6 digits>`. */
  @Column('text') reference: string;
  @Column('text') ownerOrg: string;
  @Column('text') category: string;
  @Column('text') sex: string;
  @Column('date', { nullable: true }) birthDate: string | null;
  @Column('int') birthYear: number;
  @Column('boolean', { default: false }) birthYearEstimated: boolean;
  @Column('text') nationality: string;
  @Column('text', { nullable: true }) countryOfOrigin: string | null;
  @Column('text', { nullable: true }) returnCountry: string | null;
  @Column('text', { array: true, default: () => "'{}'" }) languages: string[];
  @Column('text') regionCode: string;
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
  @Column('uuid', { nullable: true }) mergedInto: string | null;
  @Column('timestamptz', { nullable: true }) erasedAt: Date | null;
  // Set explicitly by the service: the version is the ETag, bumped once per change.
  @Column('int') version: number;
  @Column('timestamptz') createdAt: Date;
  @Column('timestamptz') updatedAt: Date;
  @Column('text', { nullable: true }) createdBy: string | null;
}
