import { defineErrorFamily } from '@mrm/errors';

export type SessionErrorCode =
  | 'SESSION_NOT_FOUND'
  | 'SESSION_TIMES_INVALID'
  | 'SESSION_OUTSIDE_COURSE_PERIOD'
  | 'SESSION_CANCELLED'
  | 'SESSION_COURSE_CLOSED';

export const SessionError = defineErrorFamily<SessionErrorCode>('training', {
  SESSION_NOT_FOUND: { status: 404, title: 'Session not found' },
  SESSION_TIMES_INVALID: { status: 400, title: 'The session ends before it starts' },
  SESSION_OUTSIDE_COURSE_PERIOD: {
    status: 400,
    title: 'The session day is outside the course period',
  },
  SESSION_CANCELLED: { status: 409, title: 'The session is cancelled' },
  SESSION_COURSE_CLOSED: {
    status: 409,
    title: 'The sessions of a completed or cancelled course cannot change',
  },
});
