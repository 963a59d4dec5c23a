import { buildDataSourceOptions } from '@mrm/persistence';
import { loadConfig, withPlatformSchema } from '@mrm/runtime';
import { DataSource } from 'typeorm';
import { TrainingConfig } from '../training.config';
import { TRAINING_ENTITIES, TRAINING_MIGRATIONS } from './schema';

// Used by the TypeORM CLI (`npm run migration:* -- training`).
export const dataSource = new DataSource(
  buildDataSourceOptions({
    url: loadConfig(TrainingConfig, 'training', process.env).DATABASE_URL,
    ...withPlatformSchema({ entities: TRAINING_ENTITIES, migrations: TRAINING_MIGRATIONS }),
  }),
);
