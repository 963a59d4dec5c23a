/** The age band at `at` from a birth year: the fact queries and the roll-ups share this text. */
export const ageBandSql = (birthYear: string, at: string) =>
  `CASE WHEN ${birthYear} IS NULL THEN NULL
        WHEN extract(year FROM ${at}) - ${birthYear} < 18 THEN '0-17'
        WHEN extract(year FROM ${at}) - ${birthYear} < 25 THEN '18-24'
        WHEN extract(year FROM ${at}) - ${birthYear} < 35 THEN '25-34'
        WHEN extract(year FROM ${at}) - ${birthYear} < 50 THEN '35-49'
        ELSE '50+' END`;
