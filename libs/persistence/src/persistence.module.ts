import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, MixedList } from 'typeorm';
import { buildDataSourceOptions } from './data-source-options';
import { ensureDatabaseExists } from './ensure-database';
import { runMigrationsWithLock } from './run-migrations';

export interface PersistenceOptions {
  readonly service: string;
  readonly url: string;
  readonly entities: MixedList<string | Function>;
  readonly migrations: MixedList<string | Function>;
  readonly migrateOnStart: boolean;
  readonly poolSize?: number;
  readonly statementTimeoutMs?: number;
}

/**
 * The service's one DataSource: creates the database if missing and applies migrations before
 * anything else starts, so a service never runs against a schema it does not know.
 */
@Module({})
export class PersistenceModule {
  static forService(options: PersistenceOptions): DynamicModule {
    const dataSourceOptions = buildDataSourceOptions({
      url: options.url,
      entities: options.entities,
      migrations: options.migrations,
      poolSize: options.poolSize,
      applicationName: `mrm-${options.service}`,
      statementTimeoutMs: options.statementTimeoutMs,
    });
    return {
      module: PersistenceModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSourceOptions,
          dataSourceFactory: async (resolved) => {
            await ensureDatabaseExists(options.url);
            const dataSource = await new DataSource(resolved!).initialize();
            if (options.migrateOnStart) {
              await runMigrationsWithLock(dataSource);
            }
            return dataSource;
          },
        }),
      ],
      exports: [TypeOrmModule],
    };
  }
}
