/** What a consent may allow the data to be used for (DOMAIN.md, law 09-08). Wire values. */
export const CONSENT_PURPOSES = [
  'registration',
  'training',
  'reintegration',
  'referral',
  'statistics',
  'transfer-abroad',
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** Which parts of the file a consent covers. Wire values. */
export const CONSENT_DATA_CATEGORIES = [
  'identity',
  'contact',
  'documents',
  'address',
  'household',
  'vulnerabilities',
  'health',
  'education-skills',
  'programme-history',
] as const;
export type ConsentDataCategory = (typeof CONSENT_DATA_CATEGORIES)[number];

/** Recipients are institution codes, as in the `org` claim. */
export const RECIPIENT_CODE_PATTERN = /^[A-Z0-9-]{2,32}$/;

export const CONSENT_STATUSES = ['active', 'expired', 'withdrawn'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];
