import { Check, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { BeneficiaryEntity } from './beneficiary.entity';

/** One blind index of a beneficiary's phone, document or name key; deleted on erasure. */
@Entity({ name: 'beneficiary_search_key' })
@Check(
  'beneficiary_search_key_kind_check',
  "kind IN ('phone', 'document', 'name-full', 'name-token')",
)
@Index('beneficiary_search_key_kind_hash_idx', ['kind', 'hash'])
export class BeneficiarySearchKeyEntity {
  @PrimaryColumn('uuid')
  @ForeignKey(() => BeneficiaryEntity, {
    name: 'beneficiary_search_key_beneficiary_id_fkey',
    onDelete: 'CASCADE',
  })
  beneficiaryId: string;
  /** `phone`, `document`, `name-full` or `name-token`. */
  @PrimaryColumn('text') kind: string;
  /** 64-hex HMAC from `BlindIndex`; the clear value is never stored. */
  @PrimaryColumn('text') hash: string;
}
