import { buildDataSourceOptions } from '@mrm/persistence';
import { loadConfig, withPlatformSchema } from '@mrm/runtime';
import { DataSource } from 'typeorm';
import { ReintegrationConfig } from '../reintegration.config';
import { REINTEGRATION_ENTITIES, REINTEGRATION_MIGRATIONS } from './schema';

// Used by the TypeORM CLI (`npm run migration:* -- reintegration`).
export const dataSource = new DataSource(
  buildDataSourceOptions({
    url: loadConfig(ReintegrationConfig, 'reintegration', process.env).DATABASE_URL,
    ...withPlatformSchema({
      entities: REINTEGRATION_ENTITIES,
      migrations: REINTEGRATION_MIGRATIONS,
    }),
  }),
);
