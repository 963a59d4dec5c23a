import { DataSourceOptions, MixedList } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export interface DataSourceInput {
  readonly url: string;
  // TypeORM's own type for entity and migration lists.
  readonly entities: MixedList<string | Function>;
  readonly migrations: MixedList<string | Function>;
  readonly poolSize?: number;
  readonly applicationName?: string;
  /** Server-side limit of one statement; also bounds the client's wait for an answer. 0: none. */
  readonly statementTimeoutMs?: number;
}

/**
 * What keeps a connection from freezing on a half-open socket (a failover, a cut network): TCP
 * keepalive, a bounded connect, and a client-side limit on any answer just above the server's.
 */
export function connectionSafety(statementTimeoutMs = 0) {
  return {
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    connectionTimeoutMillis: 5_000,
    ...(statementTimeoutMs > 0
      ? { statement_timeout: statementTimeoutMs, query_timeout: statementTimeoutMs + 5_000 }
      : {}),
  };
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
    extra: { max: input.poolSize ?? 10, ...connectionSafety(input.statementTimeoutMs) },
  };
}
