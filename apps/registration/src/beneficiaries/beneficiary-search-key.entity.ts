import { Entity, PrimaryColumn } from 'typeorm';

/** One blind index of a beneficiary's phone, document or name key; deleted on erasure. */
@Entity({ name: 'beneficiary_search_key' })
export class BeneficiarySearchKeyEntity {
  @PrimaryColumn('uuid') beneficiaryId: string;
  /** `phone`, `document`, `name-full` or `name-token`. */
  @PrimaryColumn('text') kind: string;
  /** 64-hex HMAC from `BlindIndex`; the clear value is never stored. */
  @PrimaryColumn('text') hash: string;
}
