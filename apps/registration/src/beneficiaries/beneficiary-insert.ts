import type { DataSource, EntityManager } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { BeneficiaryEntity } from './beneficiary.entity';
import { searchKeyInsertSql, type SearchKey } from './search-keys.service';

// The reference is numbered by the database in the INSERT itself: `MA-<year>-<6+ digits>`.
// lpad() would truncate a longer number, so the width grows with it, as padStart() did.
const REFERENCE_SQL = (yearParam: string) =>
  `(SELECT 'MA-' || ${yearParam}::text || '-' || lpad(n::text, greatest(6, length(n::text)), '0')
      FROM nextval('beneficiary_reference_seq') AS n)`;

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
  /** SQL text by pattern of undefined (DEFAULT) columns: in practice one or two entries. */
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
   * Inserts `entity` (without its reference, numbered here for `year`) and its search keys in the
   * caller's transaction; sets `entity.reference` and the database defaults on `entity`.
   */
  async insert(
    em: EntityManager,
    entity: BeneficiaryEntity,
    input: { year: number; searchKeys: readonly SearchKey[] },
  ): Promise<void> {
    const { sql, params } = this.statement(entity, input);
    const [row] = await em.query<Array<Record<string, unknown>>>(sql, params);
    this.applyReturned(entity, row);
  }

  /** The statement's text and parameters (also run by the benchmark's raw `pg` ceiling). */
  statement(
    entity: BeneficiaryEntity,
    input: { year: number; searchKeys: readonly SearchKey[] },
  ): { sql: string; params: unknown[] } {
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
    params.push(
      input.year,
      entity.id,
      input.searchKeys.map((key) => key.kind),
      input.searchKeys.map((key) => key.hash),
    );
    return { sql: this.sqlFor(pattern), params };
  }

  /** Merges the returned row into `entity`: its reference and database defaults. */
  applyReturned(entity: BeneficiaryEntity, row: Record<string, unknown>): void {
    // Raw driver values, as TypeORM merges them after an insert (createGeneratedMap + merge).
    this.referenceColumn.setEntityValue(entity, row[this.referenceColumn.databaseName]);
    for (const column of this.returning) {
      const value = row[column.databaseName];
      if (value !== undefined) column.setEntityValue(entity, value);
    }
  }

  private sqlFor(pattern: string): string {
    let sql = this.sqlByPattern.get(pattern);
    if (sql === undefined) {
      sql = this.buildSql(pattern);
      this.sqlByPattern.set(pattern, sql);
    }
    return sql;
  }

  private buildSql(pattern: string): string {
    const escape = (name: string) => this.dataSource.driver.escape(name);
    let index = 0;
    const values = this.columns.map((_, position) =>
      pattern[position] === '1' ? `$${++index}` : 'DEFAULT',
    );
    const [year, id, kinds, hashes] = [1, 2, 3, 4].map((offset) => `$${index + offset}`);
    const names = [this.referenceColumn, ...this.columns].map((column) =>
      escape(column.databaseName),
    );
    const returned = [this.referenceColumn, ...this.returning].map((column) =>
      escape(column.databaseName),
    );
    // A data-modifying CTE runs to completion even if unread; the foreign key of the keys is
    // checked at the end of the statement, when the beneficiary row exists.
    return `WITH inserted AS (
        INSERT INTO ${this.table} (${names.join(', ')})
        VALUES (${[REFERENCE_SQL(year), ...values].join(', ')})
        RETURNING ${returned.join(', ')}
      ), keys AS (${searchKeyInsertSql(`${id}::uuid`, kinds, hashes)})
      SELECT * FROM inserted`;
  }
}
