import { defineErrorFamily } from '@mrm/errors';

export type ErasureErrorCode = 'ERASURE_REQUEST_NOT_FOUND' | 'ERASURE_ALREADY_ACKNOWLEDGED';

export const ErasureError = defineErrorFamily<ErasureErrorCode>('referrals', {
  ERASURE_REQUEST_NOT_FOUND: { status: 404, title: 'Erasure request not found' },
  ERASURE_ALREADY_ACKNOWLEDGED: { status: 409, title: 'The erasure was already acknowledged' },
});
