/** The words of the projects feature that reach the database and the wire (permanent names). */
export const PROJECT_KINDS = ['individual', 'collective', 'community'] as const;
export type ProjectKind = (typeof PROJECT_KINDS)[number];

export const PROJECT_STATUSES = ['in-creation', 'operating', 'closed'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const PROJECT_OUTCOMES = ['sustainable', 'struggling', 'dormant', 'dissolved'] as const;
export type ProjectOutcome = (typeof PROJECT_OUTCOMES)[number];

export const MEMBER_ROLES = [
  'owner',
  'president',
  'vice-president',
  'treasurer',
  'secretary',
  'member',
] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const BUDGET_LINE_KINDS = ['cash', 'in-kind'] as const;
export type BudgetLineKind = (typeof BUDGET_LINE_KINDS)[number];

/**
 * A positive MAD amount as a client sends it: up to 12 integer digits and 2 decimals, as a string
 * so that no JSON number is ever parsed into a float.
 */
export const MAD_INPUT_PATTERN = /^(?!0+(?:\.0{1,2})?$)(0|[1-9][0-9]{0,11})(\.[0-9]{1,2})?$/;
