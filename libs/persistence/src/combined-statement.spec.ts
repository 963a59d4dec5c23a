import { combineStatements } from './combined-statement';

describe('combineStatements', () => {
  it('makes each write a named CTE and renumbers every part’s parameters in order', () => {
    const combined = combineStatements(
      [
        {
          name: 'a',
          statement: { sql: 'INSERT INTO t (x, y) VALUES ($1, $2) RETURNING x', params: [1, 2] },
        },
        { name: 'b', statement: { sql: 'INSERT INTO u (z) SELECT $1 || x FROM a', params: ['p'] } },
      ],
      { sql: 'SELECT a.*, pg_notify($1, $2) FROM a', params: ['chan', ''] },
    );

    expect(combined.sql).toBe(
      'WITH a AS (INSERT INTO t (x, y) VALUES ($1, $2) RETURNING x),\n' +
        'b AS (INSERT INTO u (z) SELECT $3 || x FROM a)\n' +
        'SELECT a.*, pg_notify($4, $5) FROM a',
    );
    expect(combined.params).toEqual([1, 2, 'p', 'chan', '']);
  });

  it('renumbers two-digit parameters whole ($10 is not $1 followed by 0)', () => {
    const ten = Array.from({ length: 10 }, (_, index) => `$${index + 1}`).join(', ');
    const combined = combineStatements(
      [
        { name: 'a', statement: { sql: 'DELETE FROM t WHERE x = $1', params: [0] } },
        {
          name: 'b',
          statement: { sql: `INSERT INTO v VALUES (${ten})`, params: Array(10).fill(0) },
        },
      ],
      { sql: 'SELECT 1', params: [] },
    );

    expect(combined.sql).toContain(
      'INSERT INTO v VALUES ($2, $3, $4, $5, $6, $7, $8, $9, $10, $11)',
    );
  });

  it('leaves a lone select as it is', () => {
    expect(combineStatements([], { sql: 'SELECT $1', params: [7] })).toEqual({
      sql: 'SELECT $1',
      params: [7],
    });
  });

  it('does not share or change the callers’ parameter arrays', () => {
    const params = [1];
    const combined = combineStatements([{ name: 'a', statement: { sql: 'SELECT $1', params } }], {
      sql: 'SELECT 2',
      params: [],
    });
    combined.params.push(3);

    expect(params).toEqual([1]);
  });
});
