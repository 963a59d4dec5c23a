import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A household or group tie between two beneficiaries, stored once (from the record that declared
 * it) and read from both ends. Deleted on erasure.
 */
@Entity({ name: 'beneficiary_link' })
export class BeneficiaryLinkEntity {
  @PrimaryColumn('uuid') beneficiaryId: string;
  @PrimaryColumn('uuid') linkedBeneficiaryId: string;
  /** `household` or `group`. */
  @Column('text') kind: string;
  /** How the linked person relates to `beneficiaryId`: spouse, parent, child, sibling, relative, member. */
  @Column('text') relation: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
