import type { OpenApiInfo } from '@mrm/http';

export const REINTEGRATION_OPENAPI: OpenApiInfo = {
  title: 'Reintegration service',
  description:
    'Reintegration plans and projects (individual, collective, community): members, budgets and grants, milestones, monitoring visits, sustainability assessments, coaching.',
  version: '1',
};
