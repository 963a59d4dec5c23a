import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { BeneficiaryEntity } from './beneficiary.entity';

/**
 * A household or group tie between two beneficiaries, stored once (from the record that declared
 * it) and read from both ends. Deleted on erasure.
 */
@Entity({ name: 'beneficiary_link' })
@Check('beneficiary_link_kind_check', "kind IN ('household', 'group')")
@Check('beneficiary_link_self_check', 'beneficiary_id <> linked_beneficiary_id')
@Index('beneficiary_link_linked_beneficiary_id_idx', ['linkedBeneficiaryId'])
export class BeneficiaryLinkEntity {
  @PrimaryColumn('uuid')
  @ForeignKey(() => BeneficiaryEntity, {
    name: 'beneficiary_link_beneficiary_id_fkey',
    onDelete: 'CASCADE',
  })
  beneficiaryId: string;
  @PrimaryColumn('uuid')
  @ForeignKey(() => BeneficiaryEntity, {
    name: 'beneficiary_link_linked_beneficiary_id_fkey',
    onDelete: 'CASCADE',
  })
  linkedBeneficiaryId: string;
  /** `household` or `group`. */
  @Column('text') kind: string;
  /** How the linked person relates to `beneficiaryId`: spouse, parent, child, sibling, relative, member. */
  @Column('text') relation: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
