import 'reflect-metadata';
import { loadConfig, migrateService } from '@mrm/runtime';
import { REPORTING_ENTITIES, REPORTING_MIGRATIONS } from './database/schema';
import { ReportingConfig } from './reporting.config';

const config = loadConfig(ReportingConfig, 'reporting', process.env);
migrateService({
  service: 'reporting',
  url: config.DATABASE_URL,
  entities: REPORTING_ENTITIES,
  migrations: REPORTING_MIGRATIONS,
}).then(
  (applied) => console.log(`reporting: ${applied.length} migration(s) applied`),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
