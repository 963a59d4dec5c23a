import type { EnrolmentOutcome } from '@mrm/contracts';
import { hoursOfMinutes } from '../sessions/session-view';

export interface HeldSession {
  readonly id: string;
  readonly minutes: number;
}

export interface CompletionVerdict {
  readonly outcome: EnrolmentOutcome;
  readonly reason: 'attendance-below-minimum' | 'assessment-not-passed' | null;
  readonly sessionsAttended: number;
  readonly hoursAttended: string;
}

/**
 * The course's rule for one participant: present at no less than `minAttendancePercent` of the
 * sessions held (excused counts as not attended), and the assessment passed when one is required.
 * Integer arithmetic, so 4 of 5 sessions meets 80 % exactly.
 */
export function judge(input: {
  held: readonly HeldSession[];
  presentAt: ReadonlySet<string>;
  minAttendancePercent: number;
  assessmentRequired: boolean;
  assessmentPassed: boolean | null;
}): CompletionVerdict {
  const attended = input.held.filter((session) => input.presentAt.has(session.id));
  const minutes = attended.reduce((sum, session) => sum + session.minutes, 0);
  const enough = attended.length * 100 >= input.minAttendancePercent * input.held.length;
  const passed = !input.assessmentRequired || input.assessmentPassed === true;
  return {
    outcome: enough && passed ? 'completed' : 'not-completed',
    reason: !enough ? 'attendance-below-minimum' : !passed ? 'assessment-not-passed' : null,
    sessionsAttended: attended.length,
    hoursAttended: hoursOfMinutes(minutes),
  };
}
