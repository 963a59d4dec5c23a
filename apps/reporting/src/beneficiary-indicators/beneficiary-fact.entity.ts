import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One beneficiary as reporting knows it: pseudonymous id and statistical dimensions only.
 * Rows can exist before their registration arrives (a merge or erasure seen first), hence nullables.
 */
@Entity({ name: 'beneficiary_fact' })
@Index('beneficiary_fact_registered_at_idx', ['registeredAt'])
export class BeneficiaryFactEntity {
  @PrimaryColumn('uuid') beneficiaryId: string;
  @Column('text', { nullable: true }) ownerOrg: string | null;
  @Column('text', { nullable: true }) category: string | null;
  @Column('text', { nullable: true }) sex: string | null;
  @Column('int', { nullable: true }) birthYear: number | null;
  @Column('text', { nullable: true }) nationality: string | null;
  @Column('text', { nullable: true }) regionCode: string | null;
  @Column('text', { nullable: true }) programmeCode: string | null;
  @Column('timestamptz', { nullable: true }) registeredAt: Date | null;
  @Column('timestamptz', { nullable: true }) closedAt: Date | null;
  @Column('uuid', { nullable: true }) mergedInto: string | null;
  @Column('timestamptz', { nullable: true }) erasedAt: Date | null;
  /** Highest aggregate version applied to the dimension columns. */
  @Column('int', { default: 0 }) version: number;
}
