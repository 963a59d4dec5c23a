import { suppressSmallCounts, type SuppressionCell } from './small-count-suppression';

// A seeded generator: the property runs are reproducible; a failure prints its seed.
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

// The oracle, written independently of the implementation: the rank of a dense matrix.
function rank(matrix: number[][]): number {
  const rows = matrix.map((row) => [...row]);
  let r = 0;
  const width = rows[0]?.length ?? 0;
  for (let c = 0; c < width && r < rows.length; c += 1) {
    const pivot = rows.findIndex((row, i) => i >= r && Math.abs(row[c]) > 1e-9);
    if (pivot < 0) continue;
    [rows[r], rows[pivot]] = [rows[pivot], rows[r]];
    for (let i = 0; i < rows.length; i += 1) {
      if (i === r) continue;
      const factor = rows[i][c] / rows[r][c];
      for (let k = 0; k < width; k += 1) rows[i][k] -= factor * rows[r][k];
    }
    r += 1;
  }
  return r;
}

interface Published {
  readonly cells: ReadonlyArray<number | null>;
  readonly total: number | null;
  readonly rows?: ReadonlyMap<string, number | null>;
  readonly columns?: ReadonlyMap<string, number | null>;
}

/** What a reader sees: the table as answered, plus the one-way tables it could also ask for. */
function publish(cells: SuppressionCell[], threshold: number): Published {
  const result = suppressSmallCounts(cells, threshold);
  const hidden = (index: number) => result.primary.has(index) || result.complementary.has(index);
  const total = cells.reduce((sum, cell) => sum + cell.n, 0);
  const oneWay = (key: (cell: SuppressionCell) => string) => {
    const sums = new Map<string, number>();
    for (const cell of cells) sums.set(key(cell), (sums.get(key(cell)) ?? 0) + cell.n);
    const entries = [...sums.entries()];
    const margin = suppressSmallCounts(
      entries.map(([row, n]) => ({ row, n })),
      threshold,
    );
    return new Map(
      entries.map(([name, n], i) => [
        name,
        margin.primary.has(i) || margin.complementary.has(i) ? null : n,
      ]),
    );
  };
  const twoWay = cells.some((cell) => cell.column !== undefined);
  return {
    cells: cells.map((cell, index) => (hidden(index) ? null : cell.n)),
    total: result.totalSuppressed ? null : total,
    rows: twoWay ? oneWay((cell) => cell.row) : undefined,
    columns: twoWay ? oneWay((cell) => cell.column ?? '') : undefined,
  };
}

/** Hidden cells a reader can recompute exactly by adding and subtracting what is published. */
function recoverable(cells: SuppressionCell[], seen: Published): number[] {
  // Unknowns: hidden cells, hidden margins, hidden total. Equations: every published-or-not sum.
  const names: string[] = [];
  const id = (name: string) => {
    if (!names.includes(name)) names.push(name);
    return names.indexOf(name);
  };
  const equations: Array<Map<number, number>> = [];
  const sum = (members: number[], sumName: string | null) => {
    const equation = new Map<number, number>();
    for (const index of members) if (seen.cells[index] === null) equation.set(id(`c${index}`), 1);
    if (sumName !== null) equation.set(id(sumName), -1);
    if (equation.size > 0) equations.push(equation);
  };
  seen.cells.forEach((value, index) => value === null && id(`c${index}`));
  const all = cells.map((_, index) => index);
  sum(all, seen.total === null ? 'total' : null);
  for (const [kind, margin] of [
    ['row', seen.rows],
    ['column', seen.columns],
  ] as const) {
    if (!margin) continue;
    const key = (cell: SuppressionCell) => (kind === 'row' ? cell.row : (cell.column ?? ''));
    for (const [name, value] of margin) {
      sum(
        all.filter((index) => key(cells[index]) === name),
        value === null ? `${kind}:${name}` : null,
      );
    }
    const hiddenMargins = [...margin].filter(([, value]) => value === null);
    const equation = new Map(hiddenMargins.map(([name]) => [id(`${kind}:${name}`), 1]));
    if (seen.total === null) equation.set(id('total'), -1);
    if (equation.size > 0) equations.push(equation);
  }
  const matrix = equations.map((equation) => names.map((_, index) => equation.get(index) ?? 0));
  const base = rank(matrix);
  return seen.cells
    .map((value, index) => ({ value, index }))
    .filter(({ value }) => value === null)
    .filter(({ index }) => {
      const unit = names.map((name) => (name === `c${index}` ? 1 : 0));
      return rank([...matrix, unit]) === base;
    })
    .map(({ index }) => index);
}

describe('small-count suppression', () => {
  it('hides a cell of 3 and the smallest other cell of a one-way table', () => {
    const cells = [
      { row: 'female', n: 3 },
      { row: 'male', n: 12 },
      { row: 'other', n: 7 },
    ];
    const result = suppressSmallCounts(cells, 5);
    expect([...result.primary]).toEqual([0]);
    expect([...result.complementary]).toEqual([2]);
    expect(result.totalSuppressed).toBe(false);
  });

  it('hides nothing when no cell is small, and never a zero for being small', () => {
    const result = suppressSmallCounts(
      [
        { row: 'a', n: 0 },
        { row: 'b', n: 5 },
        { row: 'c', n: 9 },
      ],
      5,
    );
    expect(result.primary.size + result.complementary.size).toBe(0);
  });

  it('hides the total when the table has a single small cell', () => {
    const result = suppressSmallCounts([{ row: 'a', n: 2 }], 5);
    expect([...result.primary]).toEqual([0]);
    expect(result.totalSuppressed).toBe(true);
  });

  it('with two small cells in a one-way table, needs no complement', () => {
    const result = suppressSmallCounts(
      [
        { row: 'a', n: 2 },
        { row: 'b', n: 4 },
        { row: 'c', n: 40 },
      ],
      5,
    );
    expect([...result.primary].sort()).toEqual([0, 1]);
    expect(result.complementary.size).toBe(0);
  });

  it('protects a small cell of a two-way table along its row and its column', () => {
    //          female  male
    // 05          3     10
    // 06          8     11
    const cells = [
      { row: '05', column: 'female', n: 3 },
      { row: '05', column: 'male', n: 10 },
      { row: '06', column: 'female', n: 8 },
      { row: '06', column: 'male', n: 11 },
    ];
    const result = suppressSmallCounts(cells, 5);
    expect([...result.primary]).toEqual([0]);
    // A 2x2 table whose margins are public: the whole table must go.
    expect([...result.complementary].sort()).toEqual([1, 2, 3]);
    expect(recoverable(cells, publish(cells, 5))).toEqual([]);
  });

  it('property: no hidden cell of a random one-way table can be recomputed', () => {
    for (let seed = 1; seed <= 300; seed += 1) {
      const next = random(seed);
      const size = 1 + Math.floor(next() * 8);
      const cells = Array.from({ length: size }, (_, i) => ({
        row: `r${i}`,
        n: Math.floor(next() * (next() < 0.5 ? 6 : 40)),
      }));
      const seen = publish(cells, 5);
      expect({ seed, recovered: recoverable(cells, seen) }).toEqual({ seed, recovered: [] });
      // Every small non-zero cell is hidden.
      cells.forEach((cell, index) => {
        if (cell.n > 0 && cell.n < 5) {
          expect({ seed, index, value: seen.cells[index] }).toEqual({
            seed,
            index,
            value: null,
          });
        }
      });
    }
  });

  it('property: no hidden cell of a random two-way table can be recomputed', () => {
    let unprotectable = 0;
    for (let seed = 1; seed <= 200; seed += 1) {
      const next = random(seed * 7919);
      const rows = 1 + Math.floor(next() * 5);
      const columns = 1 + Math.floor(next() * 5);
      const cells: SuppressionCell[] = [];
      for (let r = 0; r < rows; r += 1) {
        for (let c = 0; c < columns; c += 1) {
          // Absent combinations are published as absent (zero) by the query: skip some.
          if (next() < 0.15) continue;
          cells.push({
            row: `r${r}`,
            column: `c${c}`,
            n: Math.floor(next() * (next() < 0.5 ? 6 : 30)),
          });
        }
      }
      if (cells.length === 0) continue;
      const seen = publish(cells, 5);
      if (suppressSmallCounts(cells, 5).unprotectable) {
        // The margins alone give a cell away: the table publishes nothing at all.
        unprotectable += 1;
        expect(seen.cells.every((value) => value === null) && seen.total === null).toBe(true);
        continue;
      }
      expect({ seed, recovered: recoverable(cells, seen) }).toEqual({ seed, recovered: [] });
      cells.forEach((cell, index) => {
        if (cell.n > 0 && cell.n < 5) {
          expect({ seed, index, value: seen.cells[index] }).toEqual({
            seed,
            index,
            value: null,
          });
        }
      });
    }
    // The fallback stays the exception (it hides a whole table).
    expect(unprotectable).toBeLessThan(20);
  });

  it('uses the threshold it is given', () => {
    const cells = [
      { row: 'a', n: 9 },
      { row: 'b', n: 30 },
      { row: 'c', n: 31 },
    ];
    expect(suppressSmallCounts(cells, 5).primary.size).toBe(0);
    expect([...suppressSmallCounts(cells, 10).primary]).toEqual([0]);
  });
});
