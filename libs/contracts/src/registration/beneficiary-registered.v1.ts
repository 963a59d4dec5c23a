import { IsISO8601, IsString, MaxLength } from 'class-validator';
import { defineEvent } from '../event-definition';
import { BeneficiaryDimensions } from './beneficiary-dimensions';

export class BeneficiaryRegisteredV1 extends BeneficiaryDimensions {
  /** Human-readable case reference, e.g. `MA-2026-000123`. */
  @IsString() @MaxLength(32) readonly reference: string;
  /** When the beneficiary was registered. */
  @IsISO8601() readonly registeredAt: string;
}

export const beneficiaryRegisteredV1 = defineEvent({
  type: 'beneficiary.registered.v1',
  producer: 'registration',
  payload: BeneficiaryRegisteredV1,
  description: 'A beneficiary was registered in the national registry.',
});
