/** Actions of the audit log (wire-stable: they are stored and queried). */
export const AUDIT_ACTIONS = [
  'read',
  'search',
  'create',
  'update',
  'erase',
  'merge',
  'import',
  'export',
  // An answer that a person is probably registered by another institution (issue 18).
  'match-elsewhere',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
