import type { OpenApiInfo } from '@mrm/http';

export const TRAINING_OPENAPI: OpenApiInfo = {
  title: 'Training service',
  description:
    'Vocational training: course catalogue, sessions, enrolments, attendance, completions, feedback.',
  version: '1',
};
