/** Every role a token may carry. Names reach tokens and audit logs, so they are permanent. */
export const ROLES = [
  'admin',
  'coordinator',
  'case-worker',
  'trainer',
  'project-officer',
  'referral-officer',
  'analyst',
  'auditor',
  'partner',
] as const;

/** One of {@link ROLES}. */
export type Role = (typeof ROLES)[number];

/** Institution codes as carried in the `org` claim, e.g. `IOM`, `ENTRAIDE-NAT`. */
export const ORG_CODE_PATTERN = /^[A-Z0-9-]{2,32}$/;

/** The authenticated caller, built from a verified token's `sub`, `org` and `roles` claims. */
export interface Principal {
  readonly sub: string;
  /** Institution code matching {@link ORG_CODE_PATTERN}. */
  readonly org: string;
  readonly roles: Role[];
}

/** True when `value` is one of {@link ROLES}. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** True when `value` is a well-formed institution code. */
export function isOrgCode(value: unknown): value is string {
  return typeof value === 'string' && ORG_CODE_PATTERN.test(value);
}
