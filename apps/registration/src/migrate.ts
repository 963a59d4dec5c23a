import 'reflect-metadata';
import { loadConfig, migrateService } from '@mrm/runtime';
import { REGISTRATION_ENTITIES, REGISTRATION_MIGRATIONS } from './database/schema';
import { RegistrationConfig } from './registration.config';

const config = loadConfig(RegistrationConfig, 'registration', process.env);
migrateService({
  service: 'registration',
  url: config.DATABASE_URL,
  entities: REGISTRATION_ENTITIES,
  migrations: REGISTRATION_MIGRATIONS,
}).then(
  (applied) => console.log(`registration: ${applied.length} migration(s) applied`),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
