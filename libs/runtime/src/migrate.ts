import { HTTP_ENTITIES, HTTP_MIGRATIONS } from '@mrm/http';
import { MESSAGING_MIGRATIONS } from '@mrm/messaging';
import {
  buildDataSourceOptions,
  ensureDatabaseExists,
  runMigrationsWithLock,
} from '@mrm/persistence';
import { DataSource, type MixedList } from 'typeorm';

export interface MigrateInput {
  readonly service: string;
  readonly url: string;
  readonly entities: MixedList<Function>;
  readonly migrations: MixedList<Function>;
}

/** The `migrate` entrypoint of a service (Kubernetes Job, compose one-shot): create, migrate, exit. */
export async function migrateService(input: MigrateInput): Promise<string[]> {
  await ensureDatabaseExists(input.url);
  const dataSource = await new DataSource(
    buildDataSourceOptions({
      url: input.url,
      entities: [...HTTP_ENTITIES, ...(input.entities as Function[])],
      migrations: [...MESSAGING_MIGRATIONS, ...HTTP_MIGRATIONS, ...(input.migrations as Function[])],
      applicationName: `mrm-${input.service}-migrate`,
    }),
  ).initialize();
  try {
    return await runMigrationsWithLock(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
