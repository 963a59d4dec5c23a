/** The kinds of course trainers run (DOMAIN.md "Who uses it"). Wire values: never rename. */
export const COURSE_KINDS = [
  'collective-awareness',
  'personal-development',
  'entrepreneurship-marketing',
  'agriculture-initiation',
  'handicraft-initiation',
  'migration-project-preparation',
  'vocational-training',
  'language',
  'other',
] as const;
export type CourseKind = (typeof COURSE_KINDS)[number];

/** What a finished enrolment came to. */
export const ENROLMENT_OUTCOMES = ['completed', 'not-completed'] as const;
export type EnrolmentOutcome = (typeof ENROLMENT_OUTCOMES)[number];
