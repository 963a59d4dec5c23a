/** A SQL text and its parameters, numbered `$1`, `$2`… in the text. */
export interface SqlStatement {
  readonly sql: string;
  readonly params: unknown[];
}

/** A data-modifying statement (INSERT, UPDATE, DELETE, with or without RETURNING) and its name. */
export interface NamedStatement {
  readonly name: string;
  readonly statement: SqlStatement;
}

// Renumbered texts by original text and offset. The texts are the callers' constants, so this holds
// one entry per (statement, position) in practice, and a string constant's hash is computed once.
const renumbered = new Map<string, Map<number, string>>();

/** `sql` with each `$n` made `$(n + offset)`. Parameter markers only: no `$` in literals. */
function shift(sql: string, offset: number): string {
  if (offset === 0) return sql;
  let byOffset = renumbered.get(sql);
  if (!byOffset) renumbered.set(sql, (byOffset = new Map<number, string>()));
  let text = byOffset.get(offset);
  if (text === undefined) {
    text = sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
    byOffset.set(offset, text);
  }
  return text;
}

/**
 * Several writes as ONE statement: each write becomes a data-modifying CTE named as given, and
 * `select` (which may read the CTEs' RETURNING rows by name) is what the statement returns.
 *
 * One round trip instead of one per write, and atomic without an explicit transaction: PostgreSQL
 * runs every data-modifying CTE to completion whether or not it is read, all on the same snapshot,
 * and checks foreign keys at the end of the statement (a CTE may insert the parent of another's
 * rows). A CTE cannot see another's changes except through its RETURNING rows.
 *
 * Each part is written with its own `$1…`; they are renumbered here, in order. A `$` may only
 * appear in parameter markers: pass values as parameters, never as literals.
 */
export function combineStatements(
  writes: readonly NamedStatement[],
  select: SqlStatement,
): SqlStatement {
  const params: unknown[] = [];
  const ctes: string[] = [];
  for (const { name, statement } of writes) {
    ctes.push(`${name} AS (${shift(statement.sql, params.length)})`);
    params.push(...statement.params);
  }
  const tail = shift(select.sql, params.length);
  params.push(...select.params);
  return { sql: ctes.length > 0 ? `WITH ${ctes.join(',\n')}\n${tail}` : tail, params };
}
