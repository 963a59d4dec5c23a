import { IsISO8601, IsUUID } from 'class-validator';
import { defineEvent } from '../event-definition';

export class BeneficiaryConsentWithdrawnV1 {
  /** Consent id. */
  @IsUUID() readonly consentId: string;
  /** Pseudonymous beneficiary id. */
  @IsUUID() readonly beneficiaryId: string;
  /** When the consent was withdrawn. */
  @IsISO8601() readonly withdrawnAt: string;
}

export const beneficiaryConsentWithdrawnV1 = defineEvent({
  type: 'beneficiary.consent-withdrawn.v1',
  producer: 'registration',
  payload: BeneficiaryConsentWithdrawnV1,
  description: 'A beneficiary withdrew a consent; nothing more may be shared under it.',
});
