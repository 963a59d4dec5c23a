import { DataSourceOptions, MixedList } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export interface DataSourceInput {
  readonly url: string;
  // TypeORM's own type for entity and migration lists.
  readonly entities: MixedList<string | Function>;
  readonly migrations: MixedList<string | Function>;
  readonly poolSize?: number;
  readonly applicationName?: string;
}

/** The one way every service and its migration CLI configure TypeORM: never `synchronize`. */
export function buildDataSourceOptions(input: DataSourceInput): DataSourceOptions {
  return {
    type: 'postgres',
    url: input.url,
    entities: input.entities,
    migrations: input.migrations,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    applicationName: input.applicationName,
    extra: { max: input.poolSize ?? 10 },
  };
}
