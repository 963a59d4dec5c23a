/** Sessions are planned in Moroccan wall-clock time, which has moved between UTC+0 and UTC+1. */
export const TRAINING_TIME_ZONE = 'Africa/Casablanca';

const FORMAT = new Intl.DateTimeFormat('en-CA', {
  timeZone: TRAINING_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The wall-clock day (YYYY-MM-DD) and time (HH:mm) of an instant in Casablanca. */
export function casablancaParts(instant: Date): { date: string; time: string } {
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    FORMAT.formatToParts(instant).find((p) => p.type === type)!.value;
  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    time: `${part('hour')}:${part('minute')}`,
  };
}

function offsetMs(instant: Date): number {
  const { date, time } = casablancaParts(instant);
  return Date.parse(`${date}T${time}:00Z`) - Math.floor(instant.getTime() / 60_000) * 60_000;
}

/**
 * The instant of a Casablanca wall-clock time. The offset is looked up twice because the guess
 * made with the offset at the UTC reading can fall on the other side of a change.
 */
export function casablancaInstant(date: string, time: string): Date {
  const naive = Date.parse(`${date}T${time}:00Z`);
  const first = naive - offsetMs(new Date(naive));
  return new Date(naive - offsetMs(new Date(first)));
}
