import { defineErrorFamily } from '@mrm/errors';

export type PartnerBusErrorCode =
  | 'PARTNER_SYSTEM_NOT_FOUND'
  | 'PARTNER_CODE_NOT_A_BUS_TOKEN'
  | 'PARTNER_PUBLIC_KEY_INVALID'
  | 'PARTNER_NKEY_INVALID';

export const PartnerBusError = defineErrorFamily<PartnerBusErrorCode>('referrals', {
  PARTNER_SYSTEM_NOT_FOUND: { status: 404, title: 'The partner has no system on the partner bus' },
  PARTNER_CODE_NOT_A_BUS_TOKEN: {
    status: 422,
    title: 'The institution code cannot name a partner on the bus (a letter, then a-z, 0-9, -)',
  },
  PARTNER_PUBLIC_KEY_INVALID: {
    status: 422,
    title: 'The public key must be a public RSA key usable for RSA-OAEP-256',
  },
  PARTNER_NKEY_INVALID: { status: 422, title: 'The NATS key must be a public user nkey (U…)' },
});
