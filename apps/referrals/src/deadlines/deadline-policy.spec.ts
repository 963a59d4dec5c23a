import { DeadlinePolicy } from './deadline-policy';

describe('DeadlinePolicy', () => {
  const requestedAt = new Date('2026-01-01T00:00:00Z');

  it('gives an emergency 4 h to acknowledge and 24 h to answer by default', () => {
    const sut = DeadlinePolicy.fromJson(undefined);

    const due = sut.dueDates({ serviceType: 'health', priority: 'emergency', requestedAt });

    expect(due.acknowledgementDueAt.toISOString()).toBe('2026-01-01T04:00:00.000Z');
    expect(due.answerDueAt.toISOString()).toBe('2026-01-02T00:00:00.000Z');
  });

  it('takes the windows of a service type from the configuration, the others by default', () => {
    const sut = DeadlinePolicy.fromJson('{"legal-aid": {"normal": {"answer": 48}}}');

    const legal = sut.dueDates({ serviceType: 'legal-aid', priority: 'normal', requestedAt });
    const health = sut.dueDates({ serviceType: 'health', priority: 'normal', requestedAt });

    expect(legal.answerDueAt.toISOString()).toBe('2026-01-03T00:00:00.000Z');
    expect(legal.acknowledgementDueAt.toISOString()).toBe('2026-01-04T00:00:00.000Z');
    expect(health.answerDueAt.toISOString()).toBe('2026-01-15T00:00:00.000Z');
  });

  it.each([
    '[]',
    '{"plumbing": {}}',
    '{"health": {"someday": {"answer": 1}}}',
    '{"health": {"urgent": {"answer": 0}}}',
    '{"health": {"urgent": {"reply": 5}}}',
  ])('refuses %s at start-up', (json) => {
    expect(() => DeadlinePolicy.fromJson(json)).toThrow(/REFERRALS_DEADLINES/);
  });
});
