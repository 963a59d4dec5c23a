import { IsISO8601 } from 'class-validator';
import { defineEvent } from '../event-definition';
import { BeneficiaryDimensions } from './beneficiary-dimensions';

export class BeneficiaryUpdatedV1 extends BeneficiaryDimensions {
  /** When the change was made. */
  @IsISO8601() readonly updatedAt: string;
}

export const beneficiaryUpdatedV1 = defineEvent({
  type: 'beneficiary.updated.v1',
  producer: 'registration',
  payload: BeneficiaryUpdatedV1,
  description:
    "A beneficiary's non-identifying dimensions changed (the full current set is carried).",
});
