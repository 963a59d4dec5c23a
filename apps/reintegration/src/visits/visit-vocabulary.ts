/** The words of the visits feature that reach the database and the wire (permanent names). */
export const SUPPORT_STATUSES = ['ongoing', 'completed', 'dropout'] as const;
export type SupportStatus = (typeof SUPPORT_STATUSES)[number];

// Closed lists rather than free text: a visit report must not carry names or health details.
export const DIFFICULTIES = [
  'market-access',
  'financing',
  'equipment',
  'supplies',
  'skills',
  'administrative',
  'partnership',
  'family',
  'health',
  'other',
] as const;

export const NEXT_STEPS = [
  'continue-monitoring',
  'additional-grant',
  'business-training',
  'mentoring',
  'referral',
  'close-support',
] as const;

export const VISIT_STATUSES = ['scheduled', 'overdue', 'recorded'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

/** The kind of the durable timer that marks a visit overdue. */
export const VISIT_DUE_TIMER = 'visit.due';
