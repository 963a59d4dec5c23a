import { MESSAGING_MIGRATIONS } from '@mrm/messaging';
import { buildDataSourceOptions } from '@mrm/persistence';
import { loadConfig } from '@mrm/runtime';
import { DataSource } from 'typeorm';
import { RegistrationConfig } from '../registration.config';
import { REGISTRATION_ENTITIES, REGISTRATION_MIGRATIONS } from './schema';

// Used by the TypeORM CLI (`npm run migration:* -- registration`).
export const dataSource = new DataSource(
  buildDataSourceOptions({
    url: loadConfig(RegistrationConfig, 'registration', process.env).DATABASE_URL,
    entities: REGISTRATION_ENTITIES,
    migrations: [...MESSAGING_MIGRATIONS, ...REGISTRATION_MIGRATIONS],
  }),
);
