import type { FieldViolation } from '@mrm/errors';

/** RFC 9457 problem details with the platform's extension members. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance: string;
  /** Stable, machine-readable error code. */
  readonly code: string;
  readonly correlationId?: string;
  /** Field-level problems of a validation failure. */
  readonly errors?: readonly FieldViolation[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const TYPE_BASE = 'https://errors.mrm.gov.ma';

/** `https://errors.mrm.gov.ma/<service>/<kebab-code>`: stable per code, documented per service. */
export function problemType(service: string, code: string): string {
  return `${TYPE_BASE}/${service}/${code.toLowerCase().replace(/_/g, '-')}`;
}
