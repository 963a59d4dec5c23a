import { MESSAGING_MIGRATIONS } from '@mrm/messaging';
import { buildDataSourceOptions } from '@mrm/persistence';
import { loadConfig } from '@mrm/runtime';
import { DataSource } from 'typeorm';
import { ReportingConfig } from '../reporting.config';
import { REPORTING_ENTITIES, REPORTING_MIGRATIONS } from './schema';

// Used by the TypeORM CLI (`npm run migration:* -- reporting`).
export const dataSource = new DataSource(
  buildDataSourceOptions({
    url: loadConfig(ReportingConfig, 'reporting', process.env).DATABASE_URL,
    entities: REPORTING_ENTITIES,
    migrations: [...MESSAGING_MIGRATIONS, ...REPORTING_MIGRATIONS],
  }),
);
