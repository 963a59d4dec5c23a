import { casablancaInstant, casablancaParts } from './casablanca-time';

describe('Casablanca wall-clock time', () => {
  it('is UTC+1 most of the year and UTC+0 during Ramadan', () => {
    expect(casablancaInstant('2026-01-10', '09:00').toISOString()).toBe('2026-01-10T08:00:00.000Z');
    expect(casablancaInstant('2026-03-02', '09:00').toISOString()).toBe('2026-03-02T09:00:00.000Z');
  });

  it('reads an instant back as the wall-clock day and time it was made from', () => {
    const sut = casablancaInstant('2026-04-06', '14:30');

    expect(casablancaParts(sut)).toEqual({ date: '2026-04-06', time: '14:30' });
  });
});
