import { buildDataSourceOptions } from '@mrm/persistence';
import { loadConfig, withPlatformSchema } from '@mrm/runtime';
import { DataSource } from 'typeorm';
import { RegistrationConfig } from '../registration.config';
import { REGISTRATION_ENTITIES, REGISTRATION_MIGRATIONS } from './schema';

// Used by the TypeORM CLI (`npm run migration:* -- registration`).
export const dataSource = new DataSource(
  buildDataSourceOptions({
    url: loadConfig(RegistrationConfig, 'registration', process.env).DATABASE_URL,
    ...withPlatformSchema({ entities: REGISTRATION_ENTITIES, migrations: REGISTRATION_MIGRATIONS }),
  }),
);
