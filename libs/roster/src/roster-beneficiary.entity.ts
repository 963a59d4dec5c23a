import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * What a service knows about a registered beneficiary, projected from registration's events; no
 * identity data. Written only by `RosterProjector` with SQL upserts. Null dimensions mark a
 * placeholder: a merge or erasure that arrived before the registration. Each service that uses
 * the roster lists this entity and `ROSTER_MIGRATIONS` in its schema.
 */
@Entity({ name: 'roster_beneficiary' })
@Index('roster_beneficiary_owner_org_idx', ['ownerOrg'])
@Index('roster_beneficiary_merged_into_idx', ['mergedInto'], { where: 'merged_into IS NOT NULL' })
export class RosterBeneficiaryEntity {
  @PrimaryColumn('uuid') beneficiaryId: string;
  @Column('text', { nullable: true }) ownerOrg: string | null;
  @Column('text', { nullable: true }) category: string | null;
  @Column('text', { nullable: true }) sex: string | null;
  @Column('int', { nullable: true }) birthYear: number | null;
  @Column('char', { length: 2, nullable: true }) nationality: string | null;
  @Column('char', { length: 2, nullable: true }) regionCode: string | null;
  @Column('text', { nullable: true }) programmeCode: string | null;
  /** Languages spoken, ISO 639-1 codes; null when registration gave none. */
  @Column('text', { array: true, nullable: true }) languages: string[] | null;
  /** Registration's aggregate version of the dimensions held; 0 for a placeholder. */
  @Column('int', { default: 0 }) version: number;
  /** The surviving record this duplicate was merged into. */
  @Column('uuid', { nullable: true }) mergedInto: string | null;
  @Column('timestamptz', { nullable: true }) erasedAt: Date | null;
  @Column('timestamptz', { default: () => 'now()' }) updatedAt: Date;
}
