import { defineErrorFamily } from '@mrm/errors';

export type ReferralErrorCode =
  | 'REFERRAL_NOT_FOUND'
  | 'CONSENT_REQUIRED'
  | 'CONSENT_OVERRIDE_FORBIDDEN'
  | 'REFERRAL_TRANSITION_NOT_ALLOWED'
  | 'REFERRAL_ACTION_FORBIDDEN'
  | 'REFERRAL_TO_OWN_INSTITUTION';

export const ReferralError = defineErrorFamily<ReferralErrorCode>('referrals', {
  REFERRAL_NOT_FOUND: { status: 404, title: 'Referral not found' },
  CONSENT_REQUIRED: {
    status: 422,
    title: 'No valid consent allows this referral to that institution',
  },
  CONSENT_OVERRIDE_FORBIDDEN: {
    status: 403,
    title: 'Only a coordinator may send a referral without consent',
  },
  REFERRAL_TRANSITION_NOT_ALLOWED: {
    status: 409,
    title: 'The referral is not in a status that allows this action',
  },
  REFERRAL_ACTION_FORBIDDEN: {
    status: 403,
    title: 'This action belongs to the other end of the referral',
  },
  REFERRAL_TO_OWN_INSTITUTION: {
    status: 422,
    title: 'A referral goes to another institution',
  },
});
