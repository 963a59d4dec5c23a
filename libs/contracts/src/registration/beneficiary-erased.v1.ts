import { IsISO8601, IsUUID } from 'class-validator';
import { defineEvent } from '../event-definition';

export class BeneficiaryErasedV1 {
  /** Pseudonymous beneficiary id; every service must drop personal data held under it. */
  @IsUUID() readonly beneficiaryId: string;
  /** When the record was anonymised. */
  @IsISO8601() readonly erasedAt: string;
}

export const beneficiaryErasedV1 = defineEvent({
  type: 'beneficiary.erased.v1',
  producer: 'registration',
  payload: BeneficiaryErasedV1,
  description:
    "A beneficiary's personal data was erased (law 09-08); statistics dimensions survive.",
});
