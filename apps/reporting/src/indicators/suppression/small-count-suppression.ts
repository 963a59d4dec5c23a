/**
 * Small-count protection of a one- or two-way table of counts whose total (and, two-way, whose row
 * and column totals) a reader may know from other queries.
 *
 * Primary suppression hides every cell with 0 < n < threshold. Complementary suppression then hides
 * more cells until no hidden cell can be recomputed exactly from what is published: the visible
 * cells, the total and the margins (themselves hidden where their own one-way table hides them, as
 * the one-way query would answer). "Recomputed" is linear: a hidden value is exposed when it is
 * fixed by the system of published sums, which is checked by Gaussian elimination.
 */

/** One cell of the table: its row and column (two-way) or row only (one-way), and its count. */
export interface SuppressionCell {
  readonly row: string;
  /** Undefined for one-way tables. */
  readonly column?: string;
  readonly n: number;
}

export interface SuppressionResult {
  /** Indexes of the cells hidden because they are small. */
  readonly primary: ReadonlySet<number>;
  /** Indexes of the cells hidden so that the small ones cannot be recomputed. */
  readonly complementary: ReadonlySet<number>;
  /** Whether the total itself must be hidden (it is small, or equals a hidden cell). */
  readonly totalSuppressed: boolean;
  /**
   * True when no choice of cells within this table protects a small one from the margins that
   * the one-way queries publish: every cell and the total are then hidden.
   */
  readonly unprotectable: boolean;
}

// Beyond this many unknowns the exact check costs too much per request; the table is then
// protected by the simpler rule "no published sum with exactly one hidden term".
const EXACT_CHECK_LIMIT = 400;
const EPSILON = 1e-9;
// Complement candidates tried per exposed cell before settling for the smallest.
const CANDIDATES_TRIED = 24;

/** Suppresses a table; `total` is the table's total as published elsewhere (sum of cells when additive). */
export function suppressSmallCounts(
  cells: readonly SuppressionCell[],
  threshold: number,
  total: number = cells.reduce((sum, cell) => sum + cell.n, 0),
): SuppressionResult {
  const primary = new Set<number>();
  cells.forEach((cell, index) => {
    if (isSmall(cell.n, threshold)) primary.add(index);
  });
  const hidden = new Set(primary);
  const totalSuppressed = isSmall(total, threshold);
  const twoWay = cells.some((cell) => cell.column !== undefined);
  const margins = twoWay ? marginsOf(cells, threshold) : undefined;

  const isExposed = (trial: ReadonlySet<number>, index: number) =>
    exposedCells(cells, trial, totalSuppressed, margins).has(index);
  for (;;) {
    const exposed = [...exposedCells(cells, hidden, totalSuppressed, margins)].sort(
      (a, b) => a - b,
    )[0];
    if (exposed === undefined) break;
    const complement = pickComplement(cells, hidden, exposed, isExposed);
    if (complement === undefined) {
      // The table cannot protect the cell by itself (published margins give it away): nothing in
      // it is published, total included.
      return {
        primary,
        complementary: without(new Set(cells.keys()), primary),
        totalSuppressed: true,
        unprotectable: true,
      };
    }
    hidden.add(complement);
  }
  return {
    primary,
    complementary: without(hidden, primary),
    totalSuppressed,
    unprotectable: false,
  };
}

function isSmall(n: number, threshold: number): boolean {
  return n > 0 && n < threshold;
}

function without(all: ReadonlySet<number>, some: ReadonlySet<number>): Set<number> {
  return new Set([...all].filter((index) => !some.has(index)));
}

export interface Margins {
  readonly rows: Map<string, { n: number; hidden: boolean }>;
  readonly columns: Map<string, { n: number; hidden: boolean }>;
}

// The one-way tables a reader can ask for, protected the same way: their hidden margins are unknowns.
export function marginsOf(cells: readonly SuppressionCell[], threshold: number): Margins {
  const oneWay = (key: (cell: SuppressionCell) => string) => {
    const sums = new Map<string, number>();
    for (const cell of cells) sums.set(key(cell), (sums.get(key(cell)) ?? 0) + cell.n);
    const entries = [...sums.entries()];
    const result = suppressSmallCounts(
      entries.map(([row, n]) => ({ row, n })),
      threshold,
    );
    return new Map(
      entries.map(([name, n], index) => [
        name,
        { n, hidden: result.primary.has(index) || result.complementary.has(index) },
      ]),
    );
  };
  return {
    rows: oneWay((cell) => cell.row),
    columns: oneWay((cell) => cell.column ?? ''),
  };
}

/**
 * The published sums as linear equations over the unknowns (hidden cells, hidden margins, the
 * hidden total): each equation lists its unknowns' indexes with coefficients ±1.
 */
function equationsOf(
  cells: readonly SuppressionCell[],
  hidden: ReadonlySet<number>,
  totalHidden: boolean,
  margins: Margins | undefined,
): { unknowns: number; equations: Array<Map<number, number>> } {
  const unknownOf = new Map<string, number>();
  const unknown = (key: string) => {
    let index = unknownOf.get(key);
    if (index === undefined) {
      index = unknownOf.size;
      unknownOf.set(key, index);
    }
    return index;
  };
  // Cell unknowns first, numbered by cell index, so the caller can map back.
  for (const index of [...hidden].sort((a, b) => a - b)) unknown(`cell:${index}`);
  const equations: Array<Map<number, number>> = [];
  const line = (members: number[], sumKey: string | undefined) => {
    const equation = new Map<number, number>();
    for (const index of members) {
      if (hidden.has(index)) equation.set(unknown(`cell:${index}`), 1);
    }
    if (sumKey !== undefined) equation.set(unknown(sumKey), -1);
    if (equation.size > 0) equations.push(equation);
  };
  const all = cells.map((_, index) => index);
  if (margins === undefined) {
    line(all, totalHidden ? 'total' : undefined);
    return { unknowns: unknownOf.size, equations };
  }
  const groups = (key: (cell: SuppressionCell) => string) => {
    const byKey = new Map<string, number[]>();
    cells.forEach((cell, index) => byKey.set(key(cell), [...(byKey.get(key(cell)) ?? []), index]));
    return byKey;
  };
  for (const [name, members] of groups((cell) => cell.row)) {
    line(members, margins.rows.get(name)?.hidden ? `row:${name}` : undefined);
  }
  for (const [name, members] of groups((cell) => cell.column ?? '')) {
    line(members, margins.columns.get(name)?.hidden ? `column:${name}` : undefined);
  }
  // The total ties the margins together (and the cells, when every margin is known).
  for (const [kind, map] of [
    ['row', margins.rows],
    ['column', margins.columns],
  ] as const) {
    const equation = new Map<number, number>();
    for (const [name, margin] of map) {
      if (margin.hidden) equation.set(unknown(`${kind}:${name}`), 1);
    }
    if (totalHidden) equation.set(unknown('total'), -1);
    if (equation.size > 0) equations.push(equation);
  }
  line(all, totalHidden ? 'total' : undefined);
  return { unknowns: unknownOf.size, equations };
}

/** The hidden cells that the published sums fix exactly. */
export function exposedCells(
  cells: readonly SuppressionCell[],
  hidden: ReadonlySet<number>,
  totalHidden: boolean,
  margins: Margins | undefined,
): Set<number> {
  if (hidden.size === 0) return new Set();
  const { unknowns, equations } = equationsOf(cells, hidden, totalHidden, margins);
  const cellIndexes = [...hidden].sort((a, b) => a - b);
  const determined =
    unknowns <= EXACT_CHECK_LIMIT
      ? determinedByElimination(unknowns, equations)
      : determinedBySubtraction(equations);
  return new Set(cellIndexes.filter((_, unknownIndex) => determined.has(unknownIndex)));
}

/**
 * Unknowns fixed by the equations: x_i is fixed iff the unit vector e_i lies in the row space,
 * i.e. iff its row of the reduced row echelon form holds no free variable.
 */
export function determinedByElimination(
  unknowns: number,
  equations: ReadonlyArray<ReadonlyMap<number, number>>,
): Set<number> {
  const rows = equations.map((equation) => {
    const row = new Array<number>(unknowns).fill(0);
    for (const [index, coefficient] of equation) row[index] = coefficient;
    return row;
  });
  // Reduced row echelon form.
  const pivotColumns: number[] = [];
  let rank = 0;
  for (let column = 0; column < unknowns && rank < rows.length; column += 1) {
    let pivot = -1;
    for (let r = rank; r < rows.length; r += 1) {
      if (Math.abs(rows[r][column]) > EPSILON) {
        pivot = r;
        break;
      }
    }
    if (pivot < 0) continue;
    [rows[rank], rows[pivot]] = [rows[pivot], rows[rank]];
    const scale = rows[rank][column];
    for (let c = 0; c < unknowns; c += 1) rows[rank][c] /= scale;
    for (let r = 0; r < rows.length; r += 1) {
      if (r === rank || Math.abs(rows[r][column]) <= EPSILON) continue;
      const factor = rows[r][column];
      for (let c = 0; c < unknowns; c += 1) rows[r][c] -= factor * rows[rank][c];
    }
    pivotColumns.push(column);
    rank += 1;
  }
  // A pivot variable is fixed iff its reduced row has no free variable in it; a free variable never is.
  const determined = new Set<number>();
  pivotColumns.forEach((column, r) => {
    const free = rows[r].some((value, c) => c !== column && Math.abs(value) > EPSILON);
    if (!free) determined.add(column);
  });
  return determined;
}

/** Unknowns fixed by repeated subtraction: a sum with one unknown left gives that unknown away. */
export function determinedBySubtraction(
  equations: ReadonlyArray<ReadonlyMap<number, number>>,
): Set<number> {
  const determined = new Set<number>();
  for (let changed = true; changed;) {
    changed = false;
    for (const equation of equations) {
      const open = [...equation.keys()].filter((index) => !determined.has(index));
      if (open.length === 1) {
        determined.add(open[0]);
        changed = true;
      }
    }
  }
  return determined;
}

/**
 * The cell to hide next to protect `exposed`: among the visible cells sharing its row or column
 * (else any visible cell), smallest non-zero first, the first whose hiding leaves both `exposed`
 * and itself undetermined; failing that, the smallest.
 */
function pickComplement(
  cells: readonly SuppressionCell[],
  hidden: ReadonlySet<number>,
  exposed: number,
  isExposed: (hidden: ReadonlySet<number>, index: number) => boolean,
): number | undefined {
  const visible = cells
    .map((cell, index) => ({ cell, index }))
    .filter(({ index }) => !hidden.has(index));
  const target = cells[exposed];
  const sharing = visible.filter(
    ({ cell }) =>
      target.column === undefined ||
      cell.row === target.row ||
      (cell.column !== undefined && cell.column === target.column),
  );
  const ordered = (candidates: typeof visible) =>
    [...candidates]
      .sort(
        (a, b) =>
          Number(a.cell.n === 0) - Number(b.cell.n === 0) ||
          a.cell.n - b.cell.n ||
          a.index - b.index,
      )
      .map(({ index }) => index);
  const preferred = [...ordered(sharing), ...ordered(visible)];
  for (const candidate of preferred.slice(0, CANDIDATES_TRIED)) {
    const trial = new Set(hidden).add(candidate);
    if (!isExposed(trial, exposed) && !isExposed(trial, candidate)) return candidate;
  }
  return preferred[0];
}
