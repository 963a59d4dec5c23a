/** A DHIS2 ISO period (`2026`, `2026Q3`, `202609`) as the half-open day range it covers. */
export const DHIS2_PERIOD_PATTERN = /^(\d{4})(?:Q([1-4])|(0[1-9]|1[0-2]))?$/;

export function dhis2PeriodRange(period: string): { from: string; to: string } {
  const match = DHIS2_PERIOD_PATTERN.exec(period);
  if (!match) throw new Error(`not a DHIS2 period: ${period}`);
  const year = Number(match[1]);
  const [startMonth, months] = match[2]
    ? [(Number(match[2]) - 1) * 3, 3]
    : match[3]
      ? [Number(match[3]) - 1, 1]
      : [0, 12];
  const day = (monthIndex: number) =>
    new Date(Date.UTC(year, monthIndex, 1)).toISOString().slice(0, 10);
  return { from: day(startMonth), to: day(startMonth + months) };
}
