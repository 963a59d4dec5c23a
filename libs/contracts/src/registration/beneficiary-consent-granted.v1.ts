import {
  ArrayMaxSize,
  IsArray,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { defineEvent } from '../event-definition';

export class BeneficiaryConsentGrantedV1 {
  /** Consent id. */
  @IsUUID() readonly consentId: string;
  /** Pseudonymous beneficiary id. */
  @IsUUID() readonly beneficiaryId: string;
  /** Purposes consented to: registration, training, reintegration, referral, statistics, transfer-abroad. */
  @IsArray() @ArrayMaxSize(16) @IsString({ each: true }) readonly purposes: string[];
  /** Institution codes allowed to receive the data. */
  @IsArray() @ArrayMaxSize(200) @IsString({ each: true }) readonly recipients: string[];
  /** Data categories covered (identity, contact, documents, health, ...). */
  @IsArray() @ArrayMaxSize(32) @IsString({ each: true }) readonly dataCategories: string[];
  /** When the consent was given. */
  @IsISO8601() readonly grantedAt: string;
  /** When it lapses, if it does. */
  @IsOptional() @IsISO8601() readonly expiresAt?: string;
  /** Version of the information notice shown to the person. */
  @IsString() @MaxLength(32) readonly noticeVersion: string;
}

export const beneficiaryConsentGrantedV1 = defineEvent({
  type: 'beneficiary.consent-granted.v1',
  producer: 'registration',
  payload: BeneficiaryConsentGrantedV1,
  description:
    'A beneficiary gave a structured consent (purposes, recipients, data categories, expiry).',
});
