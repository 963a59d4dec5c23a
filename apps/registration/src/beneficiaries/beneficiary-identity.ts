/** Identity document types of the registry (wire values). */
export const DOCUMENT_TYPES = [
  'CIN',
  'PASSPORT',
  'RESIDENCE_CARD',
  'CONSULAR_CARD',
  'OTHER',
] as const;

/** The eight vulnerabilities of issue #3 (wire values; health-related, stored encrypted). */
export const VULNERABILITIES = [
  'minor',
  'unaccompanied-minor',
  'disability',
  'chronic-illness',
  'trafficking-victim',
  'pregnancy',
  'elderly',
  'single-parent',
] as const;

export const EDUCATION_LEVELS = [
  'none',
  'primary',
  'lower-secondary',
  'upper-secondary',
  'vocational',
  'higher',
] as const;

export interface BeneficiaryNames {
  readonly firstName: string;
  readonly lastName: string;
  readonly firstNameAr?: string;
  readonly lastNameAr?: string;
}

export interface IdentityDocument {
  readonly type: string;
  readonly number: string;
  readonly issuingCountry: string;
}

export interface BeneficiaryAddress {
  readonly line?: string;
  readonly province?: string;
  readonly commune?: string;
}

/** Everything identifying about a person: only ever stored encrypted or as blind indexes. */
export interface PersonalData {
  readonly names: BeneficiaryNames | null;
  readonly phone: string | null;
  readonly address: BeneficiaryAddress | null;
  readonly documents: readonly IdentityDocument[];
  readonly vulnerabilities: readonly string[];
}

/** What search keys are computed from. */
export type SearchableIdentity = Pick<PersonalData, 'names' | 'phone' | 'documents'>;
