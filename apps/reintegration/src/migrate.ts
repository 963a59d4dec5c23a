import 'reflect-metadata';
import { loadConfig, migrateService } from '@mrm/runtime';
import { REINTEGRATION_ENTITIES, REINTEGRATION_MIGRATIONS } from './database/schema';
import { ReintegrationConfig } from './reintegration.config';

const config = loadConfig(ReintegrationConfig, 'reintegration', process.env);
migrateService({
  service: 'reintegration',
  url: config.DATABASE_URL,
  entities: REINTEGRATION_ENTITIES,
  migrations: REINTEGRATION_MIGRATIONS,
}).then(
  (applied) => console.log(`reintegration: ${applied.length} migration(s) applied`),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
