import { DefaultNamingStrategy, NamingStrategyInterface } from 'typeorm';

function snake(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}

/**
 * snake_case tables and columns, and Postgres-style constraint names (`<table>_pkey`,
 * `<table>_<cols>_key`, `<table>_<cols>_idx`) instead of TypeORM's hashes, so migrations read well.
 */
export class SnakeNamingStrategy extends DefaultNamingStrategy implements NamingStrategyInterface {
  override tableName(className: string, customName?: string): string {
    return customName ?? snake(className.replace(/Entity$/, ''));
  }

  override columnName(
    propertyName: string,
    customName: string | undefined,
    prefixes: string[],
  ): string {
    return snake(prefixes.concat(customName ?? propertyName).join('_'));
  }

  override relationName(propertyName: string): string {
    return snake(propertyName);
  }

  override joinColumnName(relationName: string, referencedColumnName: string): string {
    return snake(`${relationName}_${referencedColumnName}`);
  }

  override primaryKeyName(tableOrName: unknown): string {
    return `${this.plainName(tableOrName)}_pkey`;
  }

  override uniqueConstraintName(tableOrName: unknown, columnNames: string[]): string {
    return `${this.plainName(tableOrName)}_${columnNames.join('_')}_key`;
  }

  override indexName(tableOrName: unknown, columnNames: string[]): string {
    return `${this.plainName(tableOrName)}_${columnNames.join('_')}_idx`;
  }

  override foreignKeyName(tableOrName: unknown, columnNames: string[]): string {
    return `${this.plainName(tableOrName)}_${columnNames.join('_')}_fkey`;
  }

  private plainName(tableOrName: unknown): string {
    const name =
      typeof tableOrName === 'string' ? tableOrName : (tableOrName as { name: string }).name;
    return name.includes('.') ? name.split('.').pop()! : name;
  }
}
