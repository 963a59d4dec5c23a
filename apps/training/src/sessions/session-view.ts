export const SESSION_STATUSES = ['scheduled', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** A session as other features of the service see it. */
export interface SessionView {
  readonly id: string;
  readonly courseId: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly venue: string | null;
  readonly onlineLink: string | null;
  readonly trainerId: string | null;
  readonly status: SessionStatus;
  readonly cancellationReason: string | null;
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** Length in hours as a decimal string rounded to the hundredth, e.g. `2.50`. */
export function sessionHours(session: Pick<SessionView, 'startsAt' | 'endsAt'>): string {
  const minutes = Math.round((session.endsAt.getTime() - session.startsAt.getTime()) / 60_000);
  return hoursOfMinutes(minutes);
}

export function hoursOfMinutes(minutes: number): string {
  const hundredths = Math.round((minutes * 100) / 60);
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}
