import { buildDataSourceOptions } from '@mrm/persistence';
import { loadConfig, withPlatformSchema } from '@mrm/runtime';
import { DataSource } from 'typeorm';
import { ReportingConfig } from '../reporting.config';
import { REPORTING_ENTITIES, REPORTING_MIGRATIONS } from './schema';

// Used by the TypeORM CLI (`npm run migration:* -- reporting`).
export const dataSource = new DataSource(
  buildDataSourceOptions({
    url: loadConfig(ReportingConfig, 'reporting', process.env).DATABASE_URL,
    ...withPlatformSchema({ entities: REPORTING_ENTITIES, migrations: REPORTING_MIGRATIONS }),
  }),
);
