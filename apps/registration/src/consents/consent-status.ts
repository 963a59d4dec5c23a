import type { ConsentStatus } from './consent-vocabulary';

/** Status at `at`: computed, never stored, because expiry happens without any write. */
export function consentStatusAt(
  consent: { readonly withdrawnAt: Date | null; readonly expiresAt: Date | null },
  at: Date,
): ConsentStatus {
  if (consent.withdrawnAt !== null && consent.withdrawnAt <= at) return 'withdrawn';
  if (consent.expiresAt !== null && consent.expiresAt <= at) return 'expired';
  return 'active';
}
