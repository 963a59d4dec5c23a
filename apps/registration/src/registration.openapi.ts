import type { OpenApiInfo } from '@mrm/http';

export const REGISTRATION_OPENAPI: OpenApiInfo = {
  title: 'Registration service',
  description: 'The national beneficiary registry: beneficiaries, programmes, consents.',
  version: '1',
};
