import type { OpenApiInfo } from '@mrm/http';

export const REPORTING_OPENAPI: OpenApiInfo = {
  title: 'Reporting service',
  description:
    'Indicators for coordinators, donors and the ministry, projected from events. Aggregates only.',
  version: '1',
};
