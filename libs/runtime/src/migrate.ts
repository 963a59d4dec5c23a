import {
  buildDataSourceOptions,
  ensureDatabaseExists,
  runMigrationsWithLock,
} from '@mrm/persistence';
import { DataSource } from 'typeorm';
import { withPlatformSchema, type ServiceSchema } from './platform-schema';

export interface MigrateInput extends ServiceSchema {
  readonly service: string;
  readonly url: string;
}

/** The `migrate` entrypoint of a service (Kubernetes Job, compose one-shot): create, migrate, exit. */
export async function migrateService(input: MigrateInput): Promise<string[]> {
  await ensureDatabaseExists(input.url);
  const dataSource = await new DataSource(
    buildDataSourceOptions({
      url: input.url,
      ...withPlatformSchema(input),
      applicationName: `mrm-${input.service}-migrate`,
    }),
  ).initialize();
  try {
    return await runMigrationsWithLock(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
