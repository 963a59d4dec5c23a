import { combineStatements, type NamedStatement, type SqlStatement } from '@mrm/persistence';
import type { DataSource, EntityManager } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { BeneficiaryEntity } from './beneficiary.entity';
import { searchKeyInsertSql, type SearchKey } from './search-keys.service';

// The reference is numbered by the database in the INSERT itself: `MA-<year>-<6+ digits>`.
// lpad() would truncate a longer number, so the width grows with it, as padStart() did.
const REFERENCE_SQL = (yearParam: string) =>
  `(SELECT 'MA-' || ${yearParam}::text || '-' || lpad(n::text, greatest(6, length(n::text)), '0')
      FROM nextval('beneficiary_reference_seq') AS n)`;

/** The CTE inserting the beneficiary row: other writes of the statement may read its row. */
export const INSERTED = 'inserted';

/** The CTE of {@link BeneficiaryInsertInput.unlessFound}: rows found stop every write. */
const FOUND = 'found';

/** True when the statement wrote the row: every other write is conditioned on it. */
export const WAS_INSERTED = `EXISTS (SELECT 1 FROM ${INSERTED})`;

export interface BeneficiaryInsertInput {
  readonly year: number;
  readonly searchKeys: readonly SearchKey[];
  /** Other writes of the same statement (they may read {@link INSERTED}'s row). */
  readonly alongside?: readonly NamedStatement[];
  /** One more item of the statement's select list, evaluated once (e.g. a NOTIFY). */
  readonly selectAlso?: SqlStatement;
  /**
   * A SELECT run first, in the same statement (the duplicate lookup, ADR 0010): if it returns a
   * row, nothing is written and {@link BeneficiaryInsert.insert} returns its rows instead.
   */
  readonly unlessFound?: SqlStatement;
}

/**
 * The INSERT of a new beneficiary, its reference number and its search keys as ONE statement (one
 * round trip instead of five: nextval, TypeORM's `save()` SELECT and INSERT, DELETE and INSERT of
 * the keys), built once from the entity's TypeORM metadata so that it follows the entity's columns.
 *
 * Values are converted like TypeORM's insert does (`preparePersistentValue`, `DEFAULT` for an
 * undefined property), and the columns TypeORM returns after an insert (those with database
 * defaults) are merged back into the entity, so the entity ends up as `em.save()` leaves it.
 */
export class BeneficiaryInsert {
  private readonly columns: ColumnMetadata[];
  private readonly returning: ColumnMetadata[];
  private readonly referenceColumn: ColumnMetadata;
  private readonly table: string;
  /** SQL text by pattern of undefined (DEFAULT) columns and guard: a few entries in practice. */
  private readonly sqlByPattern = new Map<string, string>();

  private constructor(private readonly dataSource: DataSource) {
    const metadata = dataSource.getMetadata(BeneficiaryEntity);
    const escape = (name: string) => dataSource.driver.escape(name);
    this.table = escape(metadata.tableName);
    this.referenceColumn = metadata.findColumnWithPropertyName('reference')!;
    // Only plain columns (no generated ids, no create/update-date or version magic) are written
    // here; anything else would need TypeORM's own insert logic.
    for (const column of metadata.columns) {
      if (
        column.isGenerated ||
        column.isCreateDate ||
        column.isUpdateDate ||
        column.isVersion ||
        column.isVirtual ||
        column.embeddedMetadata ||
        column.relationMetadata
      ) {
        throw new Error(`BeneficiaryInsert cannot write column ${column.propertyPath}`);
      }
    }
    this.columns = metadata.columns.filter(
      (column) => column.isInsert && column !== this.referenceColumn,
    );
    this.returning = metadata
      .getInsertionReturningColumns()
      .filter((column) => column !== this.referenceColumn);
  }

  private static readonly prepared = new WeakMap<DataSource, BeneficiaryInsert>();

  /** The statement of this data source, prepared on first use. */
  static of(dataSource: DataSource): BeneficiaryInsert {
    let prepared = BeneficiaryInsert.prepared.get(dataSource);
    if (!prepared) {
      prepared = new BeneficiaryInsert(dataSource);
      BeneficiaryInsert.prepared.set(dataSource, prepared);
    }
    return prepared;
  }

  /**
   * Inserts `entity` (without its reference, numbered here for `year`) and its search keys, with
   * the `alongside` writes (audit entry, outbox row…) in the same statement: atomic and one round
   * trip, inside a transaction or not. `selectAlso` is a select-list item evaluated once, such as
   * the NOTIFY of the outbox. Sets `entity.reference` and the database defaults on `entity`, and
   * returns nothing; or, when `unlessFound` found rows, writes nothing and returns them.
   */
  async insert(
    em: EntityManager,
    entity: BeneficiaryEntity,
    input: BeneficiaryInsertInput,
  ): Promise<ReadonlyArray<Record<string, unknown>>> {
    const { sql, params } = this.statement(entity, input);
    const [row] = await em.query<Array<Record<string, unknown>>>(sql, params);
    return this.applyReturned(entity, row);
  }

  /** The statement's text and parameters (also run by the benchmark's raw `pg` ceiling). */
  statement(entity: BeneficiaryEntity, input: BeneficiaryInsertInput): SqlStatement {
    const driver = this.dataSource.driver;
    const params: unknown[] = [];
    let pattern = '';
    for (const column of this.columns) {
      const value: unknown = column.getEntityValue(entity);
      if (value === undefined) {
        pattern += '0';
      } else {
        pattern += '1';
        params.push(driver.preparePersistentValue(value, column));
      }
    }
    params.push(input.year);
    const keys = input.searchKeys;
    const guarded = input.unlessFound !== undefined;
    return combineStatements(
      [
        ...(input.unlessFound ? [{ name: FOUND, statement: input.unlessFound }] : []),
        { name: INSERTED, statement: { sql: this.sqlFor(pattern, guarded), params } },
        {
          name: 'keys',
          statement: {
            sql: KEYS_SQL,
            params: [entity.id, keys.map((key) => key.kind), keys.map((key) => key.hash)],
          },
        },
        ...(input.alongside ?? []),
      ],
      selectOf(input.selectAlso, guarded),
    );
  }

  /**
   * Merges the returned row into `entity` (its reference and database defaults) and returns
   * nothing; or, if the statement found rows instead of inserting, returns them.
   */
  applyReturned(
    entity: BeneficiaryEntity,
    row: Record<string, unknown>,
  ): ReadonlyArray<Record<string, unknown>> {
    const reference = row[this.referenceColumn.databaseName];
    if (reference === null || reference === undefined) {
      return (row[FOUND] as Array<Record<string, unknown>> | undefined) ?? [];
    }
    // Raw driver values, as TypeORM merges them after an insert (createGeneratedMap + merge).
    this.referenceColumn.setEntityValue(entity, reference);
    for (const column of this.returning) {
      const value = row[column.databaseName];
      if (value !== undefined) column.setEntityValue(entity, value);
    }
    return [];
  }

  private sqlFor(pattern: string, guarded: boolean): string {
    const key = `${pattern}:${guarded}`;
    let sql = this.sqlByPattern.get(key);
    if (sql === undefined) {
      sql = this.buildSql(pattern, guarded);
      this.sqlByPattern.set(key, sql);
    }
    return sql;
  }

  // INSERT … SELECT rather than VALUES, so that a guard can stop it; a column left undefined is
  // left out of the list, which gives it its default as DEFAULT would.
  private buildSql(pattern: string, guarded: boolean): string {
    const escape = (name: string) => this.dataSource.driver.escape(name);
    const written = this.columns.filter((_, position) => pattern[position] === '1');
    const values = written.map((_, index) => `$${index + 1}`);
    const year = `$${written.length + 1}`;
    const names = [this.referenceColumn, ...written].map((column) => escape(column.databaseName));
    const returned = [this.referenceColumn, ...this.returning].map((column) =>
      escape(column.databaseName),
    );
    return `INSERT INTO ${this.table} (${names.join(', ')})
        SELECT ${[REFERENCE_SQL(year), ...values].join(', ')}
        ${guarded ? `WHERE NOT EXISTS (SELECT 1 FROM ${FOUND})` : ''}
        RETURNING ${returned.join(', ')}`;
  }
}

// The search keys of the new row, if it was written; their foreign key is checked at the end of
// the statement, when the beneficiary row exists.
const KEYS_SQL = searchKeyInsertSql('$1::uuid', '$2', '$3', WAS_INSERTED);

// By text of the extra item and guard: callers pass constants, so this holds a few entries.
const selectTexts = new Map<string, string>();

/**
 * The statement's result: the inserted row (and the extra item). Guarded, always one row: the
 * inserted row's columns are null when the rows found (as JSON, in `found`) stopped the insert.
 */
function selectOf(item: SqlStatement | undefined, guarded: boolean): SqlStatement {
  const key = `${item?.sql ?? ''}:${guarded}`;
  let sql = selectTexts.get(key);
  if (sql === undefined) {
    const also = item
      ? guarded
        ? `, CASE WHEN ${WAS_INSERTED} THEN ${item.sql} END AS selected_also`
        : `, ${item.sql} AS selected_also`
      : '';
    sql = guarded
      ? `SELECT ${INSERTED}.*${also},
                (SELECT coalesce(json_agg(${FOUND}), '[]') FROM ${FOUND}) AS ${FOUND}
           FROM (SELECT) AS one LEFT JOIN ${INSERTED} ON true`
      : `SELECT ${INSERTED}.*${also} FROM ${INSERTED}`;
    selectTexts.set(key, sql);
  }
  return { sql, params: item?.params ?? [] };
}
