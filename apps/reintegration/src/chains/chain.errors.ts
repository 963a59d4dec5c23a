import { defineErrorFamily } from '@mrm/errors';

export type ChainErrorCode = 'CHAIN_NOT_FOUND' | 'CHAIN_NOT_FOR_KIND';

export const ChainError = defineErrorFamily<ChainErrorCode>('reintegration', {
  CHAIN_NOT_FOUND: { status: 422, title: 'No such milestone chain in the configuration' },
  CHAIN_NOT_FOR_KIND: { status: 422, title: 'The milestone chain does not apply to this kind' },
});
