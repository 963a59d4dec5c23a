import { IsISO8601, IsUUID } from 'class-validator';
import { defineEvent } from '../event-definition';

export class BeneficiaryMergedV1 {
  /** The record that survives. */
  @IsUUID() readonly beneficiaryId: string;
  /** The duplicate record folded into it; consumers re-point its references. */
  @IsUUID() readonly mergedBeneficiaryId: string;
  /** When the merge happened. */
  @IsISO8601() readonly mergedAt: string;
}

export const beneficiaryMergedV1 = defineEvent({
  type: 'beneficiary.merged.v1',
  producer: 'registration',
  payload: BeneficiaryMergedV1,
  description: 'A duplicate record was merged into a surviving one.',
});
