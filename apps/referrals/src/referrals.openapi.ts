import type { OpenApiInfo } from '@mrm/http';

export const REFERRALS_OPENAPI: OpenApiInfo = {
  title: 'Referrals service',
  description:
    'Partner directory and referrals to partner institutions: lifecycle, deadlines and escalations, feedback.',
  version: '1',
};
