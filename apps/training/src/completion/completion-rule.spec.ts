import { judge } from './completion-rule';

const held = [1, 2, 3, 4, 5].map((n) => ({ id: `s${n}`, minutes: 150 }));
const rule = { held, minAttendancePercent: 80, assessmentRequired: false, assessmentPassed: null };

describe('the completion rule', () => {
  it('completes at exactly the minimum share, with the hours of the sessions attended', () => {
    const sut = judge({ ...rule, presentAt: new Set(['s1', 's2', 's3', 's4']) });

    expect(sut).toEqual({
      outcome: 'completed',
      reason: null,
      sessionsAttended: 4,
      hoursAttended: '10.00',
    });
  });

  it('does not complete below the minimum share', () => {
    const sut = judge({ ...rule, presentAt: new Set(['s1', 's2', 's3']) });

    expect(sut).toMatchObject({ outcome: 'not-completed', reason: 'attendance-below-minimum' });
  });

  it('requires a passed assessment when the course asks for one', () => {
    const everyone = new Set(held.map((session) => session.id));

    expect(judge({ ...rule, presentAt: everyone, assessmentRequired: true })).toMatchObject({
      outcome: 'not-completed',
      reason: 'assessment-not-passed',
    });
    expect(
      judge({ ...rule, presentAt: everyone, assessmentRequired: true, assessmentPassed: true }),
    ).toMatchObject({ outcome: 'completed' });
  });
});
